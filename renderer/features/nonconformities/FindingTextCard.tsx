import { Alert, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { format } from 'date-fns';
import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import type { FindingDetail } from '../../../shared/findings/schema';
import RequirementPicker from '../findings/RequirementPicker';
import type { TextSaveSnapshot } from './findingTextSaver';
import { useFindingText } from './useFindingText';

function statusText(s: TextSaveSnapshot): { text: string; tone: 'ok' | 'busy' | 'bad' } {
  switch (s.state) {
    case 'pending':
    case 'saving':
      return { text: 'Saving…', tone: 'busy' };
    case 'retrying':
      return {
        text: 'Not saved yet — will retry; your text is kept on this computer',
        tone: 'bad',
      };
    case 'refused':
      return { text: `Not saved: ${s.message ?? ''}`, tone: 'bad' };
    case 'saved':
      return {
        text: `All changes saved${s.savedAt ? ` ${format(s.savedAt, 'HH:mm:ss')}` : ''}`,
        tone: 'ok',
      };
    case 'idle':
      return { text: 'All changes saved', tone: 'ok' };
  }
}

function SaveStatus({ snapshot }: { snapshot: TextSaveSnapshot }) {
  const { text, tone } = statusText(snapshot);
  const Icon = tone === 'ok' ? CircleCheck : tone === 'busy' ? LoaderCircle : CircleAlert;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} aria-hidden />
      <Text
        size="sm"
        role="status"
        aria-live="polite"
        data-testid="finding-save-status"
        c={tone === 'bad' ? 'red.8' : undefined}
      >
        {text}
      </Text>
    </Group>
  );
}

function Editor({ detail }: { detail: FindingDetail }) {
  const { saver, snapshot } = useFindingText(detail);
  const { values, errors } = snapshot;
  return (
    <Stack gap="sm">
      {snapshot.restored && (
        <Alert color="indigo">
          Text typed here earlier that had not reached the database was brought back and is being
          saved.
        </Alert>
      )}
      <RequirementPicker
        label="Requirement not met"
        description="An ISO/IEC 42001 clause, an Annex A control or a CB item from the catalogue, or another (e.g. a legal) requirement"
        withAsterisk
        value={values.requirementRef}
        error={errors.requirementRef}
        onChange={(value) => saver.edit('requirementRef', value)}
        onBlur={saver.flush}
      />
      <Textarea
        label="Statement"
        description="What is not fulfilled, in one or two sentences; no solution."
        withAsterisk
        autosize
        minRows={2}
        value={values.statement}
        error={errors.statement}
        onChange={(e) => saver.edit('statement', e.currentTarget.value)}
        onBlur={saver.flush}
      />
      <Textarea
        label="Objective evidence"
        description="What was seen, heard or read: records, AI system IDs, interviews."
        withAsterisk
        autosize
        minRows={3}
        value={values.objectiveEvidence}
        error={errors.objectiveEvidence}
        onChange={(e) => saver.edit('objectiveEvidence', e.currentTarget.value)}
        onBlur={saver.flush}
      />
      <SaveStatus snapshot={snapshot} />
    </Stack>
  );
}

function ReadOnly({ detail, why }: { detail: FindingDetail; why: string }) {
  return (
    <Stack gap="sm">
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Statement
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="finding-statement">
          {detail.statement}
        </Text>
      </div>
      <div>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          Objective evidence
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{detail.objectiveEvidence}</Text>
      </div>
      <Text size="sm" c="dimmed">
        {why}
      </Text>
    </Stack>
  );
}

/** The finding's statement and objective evidence: autosaved while open, read-only after. */
export default function FindingTextCard({
  detail,
  canEdit,
}: {
  detail: FindingDetail;
  /** Null when editable; otherwise why not. */
  canEdit: string | null;
}) {
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        What was found
      </Title>
      {canEdit === null ? (
        // Keyed by finding: a new saver (and its local copy) per finding.
        <Editor key={detail.id} detail={detail} />
      ) : (
        <ReadOnly detail={detail} why={canEdit} />
      )}
    </Card>
  );
}
