import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Flag } from 'lucide-react';
import { Link } from 'react-router';
import type { ChecklistItem } from '../../../shared/checklists/schema';
import { findingGradeLabels, type Finding } from '../../../shared/findings/schema';

interface Props {
  item: ChecklistItem;
  findings: Finding[] | undefined;
  canRaise: boolean;
  onRaise: () => void;
}

/** Findings raised from this item, and the way to raise one (shortcut f). */
export default function ItemFindings({ item, findings, canRaise, onRaise }: Props) {
  const mine = (findings ?? []).filter(
    (f) => f.checklistItemId === item.id || item.findingIds.includes(f.id),
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="item-findings-heading">
      <Group justify="space-between">
        <Title order={3} size="h5" id="item-findings-heading">
          Findings
        </Title>
        {canRaise && (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<Flag size={14} aria-hidden />}
            aria-keyshortcuts="f"
            onClick={onRaise}
          >
            Raise finding
          </Button>
        )}
      </Group>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {item.findingIds.length > 0
            ? `${item.findingIds.length === 1 ? 'One finding' : `${item.findingIds.length} findings`} raised; loading…`
            : 'No finding raised from this item.'}
        </Text>
      ) : (
        mine.map((f) => (
          <Paper key={f.id} withBorder p="xs" data-testid="item-finding">
            <Group gap="xs">
              <Badge color={f.grade === 'major' ? 'red' : f.grade === 'ofi' ? 'blue' : 'orange'}>
                {f.grade ? findingGradeLabels[f.grade] : 'Not graded yet'}
              </Badge>
              <Anchor component={Link} to={`/findings/${f.id}`} size="sm" fw={600}>
                {f.requirementRef}
              </Anchor>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.statement}
            </Text>
            <Text size="xs" c="dimmed">
              Raised by {f.raisedByName ?? 'the command line'} on {f.raisedOn}
            </Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}
