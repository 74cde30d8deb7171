import { Badge } from '@mantine/core';
import {
  programmeStateLabels,
  type ProgrammeState,
} from '../../../shared/programme/programme-schema';

const colours: Record<ProgrammeState, string> = {
  overdue: 'red',
  due: 'orange',
  planned: 'indigo',
};

export default function StateBadge({ state }: { state: ProgrammeState }) {
  return <Badge color={colours[state]}>{programmeStateLabels[state]}</Badge>;
}
