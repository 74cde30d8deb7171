import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import type { PackageConflict } from '../../../shared/packages/schema';
import { shownValue, type PackageImport } from './useImportPackage';

function Side({ title, value }: { title: string; value: PackageConflict['mine'] }) {
  const text = shownValue(value);
  return (
    <Box>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {title}
      </Text>
      <Text
        size="sm"
        style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        fs={text === '' ? 'italic' : undefined}
      >
        {text === '' ? '(empty)' : text}
      </Text>
    </Box>
  );
}

function ConflictCard({ conflict, flow }: { conflict: PackageConflict; flow: PackageImport }) {
  const decision = flow.decisionOf(conflict);
  return (
    <Paper
      withBorder
      p="sm"
      component="li"
      aria-label={conflict.label}
      data-testid="package-conflict"
      style={{ listStyle: 'none' }}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{conflict.label}</Text>
          {decision ? (
            <Badge color="green" variant="light">
              Decided
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              Needs a decision
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Side title="Mine (this database)" value={conflict.mine} />
          <Side title="Theirs (in the package)" value={conflict.theirs} />
        </SimpleGrid>
        <Radio.Group
          // The card's title already names the field: the label repeats it for screen readers only.
          label={
            <>
              Decision<VisuallyHidden> for {conflict.label}</VisuallyHidden>
            </>
          }
          value={decision?.choice ?? null}
          onChange={(choice) => {
            if (choice === 'mine' || choice === 'theirs' || choice === 'edit') {
              flow.decide(conflict, choice);
            }
          }}
        >
          <Group mt={4}>
            <Radio value="mine" label="Keep mine" disabled={flow.busy} />
            <Radio value="theirs" label="Take theirs" disabled={flow.busy} />
            {conflict.editable && <Radio value="edit" label="Edit" disabled={flow.busy} />}
          </Group>
        </Radio.Group>
        {!conflict.editable && (
          <Text size="xs" c="dimmed">
            Only kept or taken: a state, a date or a choice from a list is not edited here.
          </Text>
        )}
        {decision?.choice === 'edit' && (
          <Textarea
            label={
              <>
                Value to keep<VisuallyHidden> for {conflict.label}</VisuallyHidden>
              </>
            }
            description="Starts from mine; combine both sides as you see fit."
            value={decision.value}
            onChange={(e) => flow.decide(conflict, 'edit', e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={12}
            disabled={flow.busy}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** The fields changed on both sides, side by side, each with keep mine / take theirs / edit. */
export default function ConflictList({
  conflicts,
  flow,
}: {
  conflicts: PackageConflict[];
  flow: PackageImport;
}) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        Each of these fields was changed here and in the package to different values since the two
        databases last met. Nothing is overwritten until you decide.
      </Text>
      {conflicts.length > 1 && flow.remaining > 0 && (
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => flow.decideRemaining('mine')}>
            Keep mine for the {flow.remaining} undecided
          </Button>
          <Button size="xs" variant="default" onClick={() => flow.decideRemaining('theirs')}>
            Take theirs for the {flow.remaining} undecided
          </Button>
        </Group>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} aria-label="Conflicts">
        {conflicts.map((c) => (
          <ConflictCard key={`${c.entity}:${c.id}:${c.field}`} conflict={c} flow={flow} />
        ))}
      </Stack>
    </Stack>
  );
}
