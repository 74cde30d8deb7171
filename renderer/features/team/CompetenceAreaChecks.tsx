import { Checkbox, SimpleGrid } from '@mantine/core';
import {
  competenceAreaLabels,
  competenceAreas,
  type CompetenceArea,
} from '../../../shared/programme/vocabulary';

interface Props {
  label: string;
  description?: string;
  value: CompetenceArea[];
  onChange: (areas: CompetenceArea[]) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** The CB's list of competence areas as checkboxes: for people and for application review. */
export default function CompetenceAreaChecks(props: Props) {
  const { label, description, value, onChange, error, disabled = false } = props;
  return (
    <Checkbox.Group
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v as CompetenceArea[])}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} mt="xs" spacing="xs">
        {competenceAreas.map((a) => (
          <Checkbox key={a} value={a} label={competenceAreaLabels[a]} disabled={disabled} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
