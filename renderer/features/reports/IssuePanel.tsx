import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { FileDown, FilePlus2, PenLine } from 'lucide-react';
import { useState } from 'react';
import { issueReadiness } from '../../../shared/reports/lint';
import type { AuditReportView } from '../../../shared/reports/schema';
import { ApiError, errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import AppModal from '../../ui/AppModal';
import type { DraftSnapshot, ReportDraftSaver } from './reportDraftSaver';
import RenderProgress from './RenderProgress';
import { useIssueReport, useNewRevision, useReportDownload } from './useReport';

interface Props {
  view: AuditReportView;
  saver: ReportDraftSaver | null;
  snapshot: DraftSnapshot | null;
}

function IssueModal({
  view,
  saver,
  onClose,
}: {
  view: AuditReportView;
  saver: ReportDraftSaver | null;
  onClose: () => void;
}) {
  const issue = useIssueReport(view.auditId);
  const me = useSession().data?.current;
  const revision = view.latest?.revision ?? 1;
  const sign = async () => {
    if (saver && !(await saver.settle())) return;
    issue.mutate(revision, { onSuccess: onClose });
  };
  return (
    <AppModal opened onClose={onClose} title={`Sign and issue revision ${revision}`}>
      <Stack>
        <Text size="sm">
          {me?.name ?? 'You'}, as lead auditor, sign the report. Audit Desk renders the PDF once and
          records your name, the time and the file’s SHA-256 fingerprint. The issued revision can
          never change afterwards: a correction makes a new revision with a change note.
        </Text>
        <RenderProgress
          pending={issue.isPending}
          what="Rendering and signing the report; a long report takes a few seconds…"
        />
        {issue.isError && (
          <Alert color="red" role="alert" title="Not issued">
            {errorMessage(issue.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            leftSection={<PenLine size={16} aria-hidden />}
            loading={issue.isPending}
            onClick={() => void sign()}
          >
            Sign and issue
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

function NewRevisionModal({ view, onClose }: { view: AuditReportView; onClose: () => void }) {
  const create = useNewRevision(view.auditId);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const next = (view.latest?.revision ?? 0) + 1;
  const submit = () => {
    if (note.trim() === '') {
      setError('Say what changes in the new revision and why.');
      return;
    }
    create.mutate(note, {
      onSuccess: onClose,
      onError: (e) =>
        setError(e instanceof ApiError && e.field === 'changeNote' ? e.message : null),
    });
  };
  return (
    <AppModal opened onClose={onClose} title={`Start revision ${next}`}>
      <Stack>
        <Text size="sm">
          Revision {next} starts as a draft copy of revision {next - 1}, which stays as issued. The
          change note is printed in the new revision.
        </Text>
        <Textarea
          label="Change note"
          description="What changes and why, e.g. a finding’s statement corrected at the client’s request."
          withAsterisk
          autosize
          minRows={3}
          value={note}
          error={error}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setError(null);
          }}
        />
        {create.isError && !error && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            leftSection={<FilePlus2 size={16} aria-hidden />}
            loading={create.isPending}
            onClick={submit}
          >
            Start revision {next}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}

/** The revision's state, its downloads, and Issue or New revision for the lead auditor. */
export default function IssuePanel({ view, saver, snapshot }: Props) {
  const [dialog, setDialog] = useState<'issue' | 'revise' | null>(null);
  const download = useReportDownload(view.auditId);
  const latest = view.latest;
  const issued = latest?.state === 'issued';
  const acknowledged = snapshot?.values.acknowledgedWarnings ?? latest?.acknowledgedWarnings ?? [];
  const readiness = issueReadiness(view.problems, acknowledged);
  const busy = snapshot !== null && snapshot.state !== 'idle' && snapshot.state !== 'saved';
  const leadOnly = view.cannotEdit;
  const whyNotIssue = issued
    ? null
    : !latest
      ? 'Write the report first.'
      : readiness.errors.length > 0
        ? `Fix the ${readiness.errors.length === 1 ? 'error' : `${readiness.errors.length} errors`} listed under Before issue.`
        : readiness.unacknowledged.length > 0
          ? 'Acknowledge each warning listed under Before issue.'
          : busy
            ? 'Saving your changes…'
            : null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-issue-heading">
      <Group justify="space-between" align="start">
        <div>
          <Title order={2} size="h4" id="report-issue-heading">
            Revision {latest?.revision ?? 1}{' '}
            <Badge
              color={issued ? 'green' : 'gray'}
              variant="light"
              ml={4}
              data-testid="report-state"
            >
              {issued ? 'Issued' : 'Draft'}
            </Badge>
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {issued && latest?.issuedAt
              ? `Signed by ${latest.issuedByName ?? '—'} on ${formatInstant(latest.issuedAt)}.`
              : latest
                ? `Draft since ${formatInstant(latest.createdAt)}; not sent to anyone until issued.`
                : 'Not started: the first change below starts revision 1.'}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<FileDown size={16} aria-hidden />}
            loading={download.isPending && download.variables.format === 'pdf'}
            onClick={() => download.mutate({ format: 'pdf' })}
          >
            Download PDF
          </Button>
          <Button
            variant="default"
            leftSection={<FileDown size={16} aria-hidden />}
            loading={download.isPending && download.variables.format === 'docx'}
            onClick={() => download.mutate({ format: 'docx' })}
          >
            Download DOCX
          </Button>
          {!issued && leadOnly === null && (
            <Button
              leftSection={<PenLine size={16} aria-hidden />}
              disabled={whyNotIssue !== null}
              onClick={() => setDialog('issue')}
            >
              Issue (sign)
            </Button>
          )}
          {issued && view.latest && (
            <Button
              variant="light"
              leftSection={<FilePlus2 size={16} aria-hidden />}
              disabled={!view.isLeadAuditor}
              onClick={() => setDialog('revise')}
            >
              New revision
            </Button>
          )}
        </Group>
      </Group>
      <RenderProgress
        pending={download.isPending}
        what={`Rendering the report as ${download.variables?.format === 'docx' ? 'DOCX' : 'PDF'}; a long report takes a few seconds…`}
      />
      {!issued && leadOnly === null && whyNotIssue && (
        <Text size="sm" mt="xs" data-testid="issue-blocked">
          Issue is not possible yet: {whyNotIssue}
        </Text>
      )}
      {leadOnly !== null && !issued && (
        <Text size="sm" mt="xs" c="dimmed">
          {leadOnly}
        </Text>
      )}
      {dialog === 'issue' && (
        <IssueModal view={view} saver={saver} onClose={() => setDialog(null)} />
      )}
      {dialog === 'revise' && <NewRevisionModal view={view} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
