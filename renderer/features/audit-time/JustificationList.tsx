import { Badge, Group, List, Text } from '@mantine/core';
import type { JustificationCode, JustificationEntry } from '../../../shared/audit-time';

const stepNames: Record<JustificationCode, string> = {
  EFFECTIVE_PERSONNEL: 'Effective personnel',
  BASE_TABLE: 'Table value',
  BASE_EXTRAPOLATED: 'Beyond the table',
  FACTOR: 'Adjustment factor',
  REDUCTION_CAP: 'Reduction cap',
  INTEGRATION: 'Combined audit',
  ROUNDING: 'Rounding',
  STAGE_SPLIT: 'Stage 1 and Stage 2',
  MINIMUM_APPLIED: 'Minimum',
  SITE_SAMPLING: 'Multi-site sample',
  SURVEILLANCE: 'Surveillance',
  RECERTIFICATION: 'Recertification',
  ONSITE_FLOOR: 'Time on site',
};

/** Every step that led to the result, in order and in plain words, with the numbers used. */
export default function JustificationList({ entries }: { entries: JustificationEntry[] }) {
  return (
    <List type="ordered" spacing="xs" aria-label="Justification" data-testid="justification">
      {entries.map((entry, i) => (
        <List.Item key={`${entry.code}-${i}`} data-code={entry.code}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Badge
              variant="light"
              color={
                entry.code === 'REDUCTION_CAP' || entry.code === 'MINIMUM_APPLIED'
                  ? 'orange'
                  : 'gray'
              }
              style={{ flexShrink: 0 }}
            >
              {stepNames[entry.code]}
            </Badge>
            <Text size="sm">{entry.message}</Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
