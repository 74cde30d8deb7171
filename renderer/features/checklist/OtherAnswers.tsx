import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ChecklistAnswer } from '../../../shared/checklists/schema';
import { formatInstant } from '../../format';
import { answerColors, answerLabel } from './checklistView';

/** What the other auditors of the team recorded on this item (read-only). */
export default function OtherAnswers({ answers }: { answers: ChecklistAnswer[] }) {
  if (answers.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="other-answers-heading">
      <Title order={3} size="h5" id="other-answers-heading">
        Other auditors’ answers
      </Title>
      {answers.map((a) => (
        <Paper key={a.id} withBorder p="xs" data-testid="other-answer">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {a.auditorName}
            </Text>
            {a.result ? (
              <Badge color={answerColors[a.result]}>{answerLabel(a.result)}</Badge>
            ) : (
              <Text size="sm" c="dimmed">
                no result
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {formatInstant(a.answeredAt)}
            </Text>
          </Group>
          {a.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {a.notes}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
