import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type {
  ProgrammeCounts as Counts,
  ProgrammeState,
} from '../../../shared/programme/programme-schema';

interface Props {
  counts: Counts;
  selected: ProgrammeState | null;
  onSelect: (state: ProgrammeState | null) => void;
}

const tiles: { state: ProgrammeState; label: string; hint: string; colour: string }[] = [
  { state: 'overdue', label: 'Overdue', hint: 'past the end of the window', colour: 'red.9' },
  { state: 'due', label: 'Due', hint: 'in the window now', colour: 'orange.9' },
  { state: 'planned', label: 'Planned', hint: 'window not open yet', colour: 'indigo.8' },
];

/** How many clients' next events are in each state; a tile filters the list to its state. */
export default function ProgrammeCounts({ counts, selected, onSelect }: Props) {
  return (
    <SimpleGrid cols={4} spacing="sm" role="group" aria-label="Clients by state">
      {tiles.map((tile) => (
        <Paper key={tile.state} withBorder p={0}>
          <UnstyledButton
            w="100%"
            p="sm"
            aria-pressed={selected === tile.state}
            data-testid={`count-${tile.state}`}
            onClick={() => onSelect(selected === tile.state ? null : tile.state)}
            style={{
              borderRadius: 4,
              background: selected === tile.state ? 'var(--mantine-color-indigo-0)' : 'transparent',
            }}
          >
            <Text size="xl" fw={700} c={tile.colour}>
              {counts[tile.state].toLocaleString()}
            </Text>
            <Text size="sm" fw={600}>
              {tile.label}
            </Text>
            <Text size="xs" c="dimmed">
              {tile.hint}
            </Text>
          </UnstyledButton>
        </Paper>
      ))}
      <Paper withBorder p="sm" data-testid="count-done">
        <Text size="xl" fw={700} c="green.9">
          {counts.doneThisMonth.toLocaleString()}
        </Text>
        <Text size="sm" fw={600}>
          Done this month
        </Text>
        <Text size="xs" c="dimmed">
          audits held so far
        </Text>
      </Paper>
    </SimpleGrid>
  );
}
