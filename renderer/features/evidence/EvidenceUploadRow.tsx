import { Alert, Button, Group, Paper, Progress, Text } from '@mantine/core';
import { formatBytes } from '../../format';
import type { UploadItem } from './useEvidenceUploads';

interface Props {
  item: UploadItem;
  onCancel: () => void;
  onRetry: () => void;
  onDismiss: () => void;
}

/** A file on its way in: progress and cancel, or why it failed with "Try again". */
export default function EvidenceUploadRow({ item, onCancel, onRetry, onDismiss }: Props) {
  const { file } = item;
  const percent = file.size === 0 ? 100 : Math.round((item.sentBytes / file.size) * 100);
  if (item.status === 'failed') {
    return (
      <Alert
        color="red"
        title={`"${file.name}" was not attached`}
        data-testid="evidence-upload-error"
      >
        <Text size="sm">{item.error}</Text>
        <Group gap="xs" mt="xs">
          {item.retryable && (
            <Button size="compact-sm" variant="light" onClick={onRetry}>
              Try again
            </Button>
          )}
          <Button size="compact-sm" variant="subtle" onClick={onDismiss}>
            Dismiss
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="evidence-upload">
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" truncate="end">
            {file.name}{' '}
            <Text span size="xs" c="dimmed">
              {item.status === 'waiting'
                ? `waiting · ${formatBytes(file.size)}`
                : `${formatBytes(item.sentBytes)} of ${formatBytes(file.size)}`}
            </Text>
          </Text>
          <Progress value={percent} size="sm" mt={4} aria-label={`Attaching ${file.name}`} />
        </div>
        <Button
          size="compact-sm"
          variant="subtle"
          aria-label={`Cancel attaching ${file.name}`}
          onClick={onCancel}
        >
          Cancel
        </Button>
      </Group>
    </Paper>
  );
}
