import { Group, Text } from '@mantine/core';
import { format } from 'date-fns';
import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import type { SaveStatus } from './answerSaver';

function describe(status: SaveStatus): { text: string; tone: 'ok' | 'busy' | 'bad' } {
  switch (status.state) {
    case 'pending':
    case 'saving':
      return { text: 'Saving…', tone: 'busy' };
    case 'retrying':
      return { text: 'Not saved — will retry', tone: 'bad' };
    case 'refused':
      return { text: `Not saved: ${status.message ?? ''}`, tone: 'bad' };
    case 'saved':
      return {
        text: `All changes saved ${status.savedAt ? format(status.savedAt, 'HH:mm:ss') : ''}`.trim(),
        tone: 'ok',
      };
    case 'idle':
      return { text: 'All changes saved', tone: 'ok' };
  }
}

/** "Saving…", "All changes saved 14:02:31" or "Not saved — will retry", announced politely. */
export default function SaveStatusText({ status }: { status: SaveStatus }) {
  const { text, tone } = describe(status);
  const Icon = tone === 'ok' ? CircleCheck : tone === 'busy' ? LoaderCircle : CircleAlert;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon
        size={16}
        aria-hidden
        color={
          tone === 'bad'
            ? 'var(--mantine-color-red-8)'
            : tone === 'ok'
              ? 'var(--mantine-color-green-8)'
              : 'var(--mantine-color-dimmed)'
        }
      />
      <Text
        size="sm"
        role="status"
        aria-live="polite"
        data-testid="save-status"
        style={{ whiteSpace: 'nowrap' }}
        c={tone === 'bad' ? 'var(--mantine-color-error)' : undefined}
        title={status.state === 'retrying' ? (status.message ?? undefined) : undefined}
      >
        {text}
      </Text>
    </Group>
  );
}
