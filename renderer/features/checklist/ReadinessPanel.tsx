import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { CircleX, ClipboardCheck, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { itemName } from '../../../shared/checklists/item-label';
import {
  readinessMarkLabels,
  type Checklist,
  type ReadinessConclusion,
  type ReadinessMark,
} from '../../../shared/checklists/schema';
import { formatInstant } from '../../format';
import ReadinessConclusionForm from './ReadinessConclusionForm';
import { hasReadinessDraft, itemLink, readinessMarkOf, type ItemOf } from './useChecklistPlanning';

interface Props {
  auditId: string;
  checklist: Checklist;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={600} size="lg">
        {value}
      </Text>
    </Paper>
  );
}

function FlaggedItems({ auditId, items }: { auditId: string; items: ItemOf[] }) {
  if (items.length === 0) {
    return <Text c="dimmed">No item is marked concern or not ready.</Text>;
  }
  return (
    <Table aria-label="Items of concern and not ready" verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Item</Table.Th>
          <Table.Th>Mark</Table.Th>
          <Table.Th>Notes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const mark = readinessMarkOf(item);
          const notes = item.answers
            .filter((a) => a.notes.trim() !== '')
            .map((a) =>
              item.answers.length > 1 ? `${a.auditorName}: ${a.notes.trim()}` : a.notes.trim(),
            )
            .join('\n');
          return (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor component={Link} to={itemLink(auditId, item.itemKey)}>
                  {itemName(item)}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {mark === 'not_ready' ? (
                    <CircleX size={16} color="var(--mantine-color-red-7)" aria-hidden />
                  ) : (
                    <TriangleAlert size={16} color="var(--mantine-color-orange-7)" aria-hidden />
                  )}
                  <Text fw={600} size="sm">
                    {mark ? readinessMarkLabels[mark] : ''}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{notes || 'No notes.'}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function RecordedConclusion({
  conclusion,
  carried,
}: {
  conclusion: ReadinessConclusion;
  carried: number;
}) {
  const ready = conclusion.conclusion === 'ready';
  const by = conclusion.concludedByName ?? 'the command line';
  return (
    <Alert
      color={ready ? 'green' : 'red'}
      title={ready ? 'Concluded: ready for Stage 2' : 'Concluded: not ready for Stage 2'}
      data-testid="readiness-conclusion"
    >
      <Stack gap={4}>
        <Text size="sm">
          Recorded by {by} on {formatInstant(conclusion.concludedAt)}.
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {conclusion.summary}
        </Text>
        <Text size="sm" data-testid="readiness-carried">
          {carried === 0
            ? 'No concerns to carry into the Stage 2 checklist.'
            : `${plural(carried, 'item marked concern or not ready', 'items marked concern or not ready')} will be carried into the Stage 2 checklist with ${carried === 1 ? 'its notes' : 'their notes'}, for the Stage 2 auditors to follow up.`}
          {ready ? '' : ' Stage 2 cannot start until Stage 1 is concluded ready.'}
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * The end of a Stage 1: how the readiness items are marked, which are of concern or not ready,
 * and the conclusion that gates Stage 2 (ISO/IEC 17021-1 9.3.1.2: Stage 1 decides readiness for
 * Stage 2). Concerns travel into the Stage 2 checklist so they are followed up there.
 */
export default function ReadinessPanel({ auditId, checklist }: Props) {
  const items = checklist.items.filter((i) => i.scale === 'readiness');
  const count = (mark: ReadinessMark | null) =>
    items.filter((i) => readinessMarkOf(i) === mark).length;
  const unmarked = count(null);
  const notReady = count('not_ready');
  const concerns = count('concern');
  const recorded = checklist.readinessConclusion !== null;
  const [changing, setChanging] = useState(() => hasReadinessDraft(auditId));
  const flagged = items.filter((i) => {
    const mark = readinessMarkOf(i);
    return mark === 'concern' || mark === 'not_ready';
  });

  return (
    <Stack component="section" aria-labelledby="readiness-heading">
      <Title order={2} size="h3" id="readiness-heading">
        Stage 1 readiness
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Readiness marks" role="group">
        <Count label="Ready" value={count('ready')} testId="readiness-count-ready" />
        <Count label="Concern" value={concerns} testId="readiness-count-concern" />
        <Count label="Not ready" value={notReady} testId="readiness-count-not-ready" />
        <Count label="Not marked" value={unmarked} testId="readiness-count-unmarked" />
      </SimpleGrid>
      <Title order={3} size="h4">
        Concerns and items not ready
      </Title>
      <FlaggedItems auditId={auditId} items={flagged} />
      {checklist.readinessConclusion ? (
        <RecordedConclusion conclusion={checklist.readinessConclusion} carried={flagged.length} />
      ) : (
        <Text c="dimmed" data-testid="readiness-conclusion">
          No readiness conclusion recorded yet.
        </Text>
      )}
      {checklist.canPlan && (!recorded || changing) ? (
        <ReadinessConclusionForm
          auditId={auditId}
          unmarked={unmarked}
          notReady={notReady}
          recorded={recorded}
          onClose={() => setChanging(false)}
        />
      ) : checklist.canPlan ? (
        <Group>
          <Button
            variant="default"
            leftSection={<ClipboardCheck size={16} aria-hidden />}
            onClick={() => setChanging(true)}
          >
            Record a new conclusion
          </Button>
          <Text size="sm" c="dimmed">
            It replaces the one above; the change log keeps the earlier one.
          </Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          The audit&apos;s lead auditor, a scheduler or an administrator records the readiness
          conclusion.
        </Text>
      )}
    </Stack>
  );
}
