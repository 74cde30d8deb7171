import { Alert, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import type { Ref } from 'react';
import { isCatalogueKey, itemKeyLabel } from '../../../shared/checklists/item-label';
import type { AnswerValue, Checklist, ChecklistItem } from '../../../shared/checklists/schema';
import type { Finding } from '../../../shared/findings/schema';
import { formatInstant } from '../../format';
import type { AnswerSaver } from './answerSaver';
import { answerOf } from './checklistView';
import EvidenceFiles from '../evidence/EvidenceFiles';
import EvidenceEntries from './EvidenceEntries';
import ItemFindings from './ItemFindings';
import NotesField from './NotesField';
import OtherAnswers from './OtherAnswers';
import ResultButtons from './ResultButtons';

interface Props {
  auditId: string;
  checklist: Checklist;
  item: ChecklistItem;
  personId: string | null;
  saver: AnswerSaver;
  findings: Finding[] | undefined;
  notesRef: Ref<HTMLTextAreaElement>;
  onResult: (value: AnswerValue) => void;
  onClear: () => void;
  onRaise: () => void;
}

/** The selected item: what to look for, the result, notes, evidence, attachments and findings. */
export default function ItemDetail({
  auditId,
  checklist,
  item,
  personId,
  saver,
  findings,
  notesRef,
  onResult,
  onClear,
  onRaise,
}: Props) {
  const mine = answerOf(item, personId);
  const current = item.answers[0];
  const answeredBy = current?.result ? current : undefined;
  const others = item.answers.filter((a) => a.auditorId !== personId);
  const canAnswer = checklist.canAnswer;
  const keyLabel = itemKeyLabel(item.itemKey);
  return (
    <Stack gap="md" data-testid="item-detail">
      <div>
        {(keyLabel !== null || item.mandatory) && (
          <Group gap="xs">
            {keyLabel !== null && (
              <Text
                ff={isCatalogueKey(item.itemKey) ? 'monospace' : undefined}
                fw={700}
                data-testid="item-key"
              >
                {keyLabel}
              </Text>
            )}
            {item.mandatory && <Badge color="indigo">Always audited in surveillance</Badge>}
          </Group>
        )}
        <Title order={2} size="h3" id="item-title" data-testid="item-title">
          {item.title}
        </Title>
        {item.requirementRef && (
          <Text size="sm" c="dimmed">
            {item.requirementRef}
          </Text>
        )}
      </div>
      {item.prompt && <Text style={{ whiteSpace: 'pre-wrap' }}>{item.prompt}</Text>}
      {item.carriedNote && (
        <Alert color="yellow" title="Concern carried from Stage 1">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.carriedNote}
          </Text>
        </Alert>
      )}
      <Stack gap={6}>
        <ResultButtons
          item={item}
          value={mine?.result ?? null}
          disabled={!canAnswer}
          onChange={onResult}
        />
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="answered-by">
            {answeredBy
              ? `Current result by ${answeredBy.auditorId === personId ? 'you' : answeredBy.auditorName}, ${formatInstant(answeredBy.answeredAt)}`
              : 'Not answered yet.'}
          </Text>
          {canAnswer && mine?.result && (
            <Button size="compact-xs" variant="subtle" color="gray" onClick={onClear}>
              Clear my result
            </Button>
          )}
        </Group>
      </Stack>
      <NotesField
        ref={notesRef}
        saver={saver}
        itemId={item.id}
        savedNotes={mine?.notes ?? ''}
        savedAt={mine?.answeredAt ?? null}
        readOnly={!canAnswer}
      />
      <Divider />
      <EvidenceEntries
        key={item.id}
        auditId={auditId}
        item={item}
        personId={personId}
        canAnswer={canAnswer}
      />
      <Divider />
      <section aria-labelledby="attachments-heading">
        <Title order={3} size="h5" id="attachments-heading" mb="xs">
          Attachments
        </Title>
        <EvidenceFiles auditId={auditId} checklistItemId={item.id} canAdd={canAnswer} />
      </section>
      <Divider />
      {checklist.kind === 'readiness' ? (
        <Text size="sm" c="dimmed" data-testid="readiness-no-findings">
          A Stage 1 raises no findings: mark the item “Concern” (or “Not ready”) and say why in your
          notes; concerns are carried into the Stage 2 checklist (ISO/IEC 17021-1 9.3.1.2).
        </Text>
      ) : (
        <ItemFindings item={item} findings={findings} canRaise={canAnswer} onRaise={onRaise} />
      )}
      <OtherAnswers answers={others} />
    </Stack>
  );
}
