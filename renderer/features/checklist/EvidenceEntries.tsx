import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import {
  evidenceDetailLabels,
  evidenceKindLabels,
  type ChecklistItem,
  type EvidenceEntry,
} from '../../../shared/checklists/schema';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import EvidenceEntryForm from './EvidenceEntryForm';
import { useEvidenceEntries } from './useChecklist';

interface Props {
  auditId: string;
  item: ChecklistItem;
  personId: string | null;
  canAnswer: boolean;
}

const draftKey = (auditId: string, itemId: string, entryId: string) =>
  `evidence:${auditId}:${itemId}:${entryId}`;

function hasDraft(key: string): boolean {
  return window.localStorage.getItem(`audit-desk:draft:${key}`) !== null;
}

function EntryView({
  entry,
  mine,
  onEdit,
  onRemove,
  removing,
}: {
  entry: EvidenceEntry;
  mine: boolean;
  onEdit: () => void;
  onRemove: () => void;
  removing: boolean;
}) {
  const detailLabel = evidenceDetailLabels[entry.kind];
  const label = `${evidenceKindLabels[entry.kind]}: ${entry.description.slice(0, 60)}`;
  return (
    <Group justify="space-between" align="start" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <Badge color="gray" size="sm">
          {evidenceKindLabels[entry.kind]}
        </Badge>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.description}
        </Text>
        {detailLabel && entry.detail && (
          <Text size="sm">
            {detailLabel}: {entry.detail}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {entry.auditorName} · {formatInstant(entry.updatedAt)}
        </Text>
      </div>
      {mine && (
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="subtle" aria-label={`Edit evidence ${label}`} onClick={onEdit}>
            <Pencil size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove evidence ${label}`}
            loading={removing}
            onClick={onRemove}
          >
            <Trash2 size={16} aria-hidden />
          </ActionIcon>
        </Group>
      )}
    </Group>
  );
}

/** The item's objective evidence entries: documents, interviews, observations, records. */
export default function EvidenceEntries({ auditId, item, personId, canAnswer }: Props) {
  const { add, update, remove } = useEvidenceEntries(auditId);
  const newKey = draftKey(auditId, item.id, 'new');
  const [adding, setAdding] = useState(() => canAnswer && hasDraft(newKey));
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <Stack gap="xs" component="section" aria-labelledby="evidence-heading">
      <Group justify="space-between">
        <Title order={3} size="h5" id="evidence-heading">
          Objective evidence
        </Title>
        {canAnswer && !adding && (
          <Button
            size="xs"
            variant="light"
            leftSection={<Plus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            Add evidence
          </Button>
        )}
      </Group>
      {item.evidence.length === 0 && !adding && (
        <Text size="sm" c="dimmed">
          No evidence recorded yet.
          {canAnswer &&
            ' Add the documents reviewed, people interviewed, observations and records sampled.'}
        </Text>
      )}
      {item.evidence.map((entry) =>
        editing === entry.id ? (
          <Paper key={entry.id} withBorder p="xs">
            <EvidenceEntryForm
              draftKey={draftKey(auditId, item.id, entry.id)}
              checklistItemId={item.id}
              initial={{ kind: entry.kind, description: entry.description, detail: entry.detail }}
              submitLabel="Save evidence"
              onSave={(v) => update.mutateAsync({ id: entry.id, ...v })}
              onDone={() => setEditing(null)}
            />
          </Paper>
        ) : (
          <Paper key={entry.id} withBorder p="xs" data-testid="evidence-entry">
            <EntryView
              entry={entry}
              mine={canAnswer && entry.auditorId === personId}
              onEdit={() => setEditing(entry.id)}
              removing={remove.isPending && remove.variables.id === entry.id}
              onRemove={() =>
                remove.mutate(
                  { id: entry.id, checklistItemId: item.id },
                  {
                    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                  },
                )
              }
            />
          </Paper>
        ),
      )}
      {adding && (
        <Paper withBorder p="xs">
          <EvidenceEntryForm
            draftKey={newKey}
            checklistItemId={item.id}
            initial={{ kind: 'document', description: '', detail: '' }}
            submitLabel="Add evidence"
            onSave={(v) => add.mutateAsync({ checklistItemId: item.id, ...v })}
            onDone={() => setAdding(false)}
          />
        </Paper>
      )}
    </Stack>
  );
}
