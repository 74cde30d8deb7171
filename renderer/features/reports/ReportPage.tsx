import { Alert, Anchor, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { format } from 'date-fns';
import { CircleAlert, CircleCheck, LoaderCircle } from 'lucide-react';
import { Link, useParams } from 'react-router';
import type { AuditReportView } from '../../../shared/reports/schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import DraftFields from './DraftFields';
import IssuePanel from './IssuePanel';
import LintList from './LintList';
import ReportFacts from './ReportFacts';
import RevisionHistory from './RevisionHistory';
import type { DraftSnapshot } from './reportDraftSaver';
import { useAuditReport } from './useReport';
import { useReportDraft } from './useReportDraft';

function SaveStatus({ snapshot }: { snapshot: DraftSnapshot }) {
  const busy = snapshot.state === 'pending' || snapshot.state === 'saving';
  const bad = snapshot.state === 'retrying' || snapshot.state === 'refused';
  const text = busy
    ? 'Saving…'
    : snapshot.state === 'retrying'
      ? 'Not saved yet — will retry; your text is kept on this computer'
      : snapshot.state === 'refused'
        ? `Not saved: ${snapshot.message ?? ''}`
        : `All changes saved${snapshot.savedAt ? ` ${format(snapshot.savedAt, 'HH:mm:ss')}` : ''}`;
  const Icon = busy ? LoaderCircle : bad ? CircleAlert : CircleCheck;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={16} aria-hidden />
      <Text
        size="sm"
        role="status"
        aria-live="polite"
        data-testid="report-save-status"
        c={bad ? 'red.8' : undefined}
      >
        {text}
      </Text>
    </Group>
  );
}

/** The report of one revision: the lint, the fields, the facts and the history around one saver. */
function ReportWorkspace({ view }: { view: AuditReportView }) {
  const { saver, snapshot } = useReportDraft(view.auditId, view.latest);
  const issued = view.latest?.state === 'issued';
  const toggle = (code: string, checked: boolean) => {
    const now = snapshot.values.acknowledgedWarnings.filter((c) => c !== code);
    saver.edit('acknowledgedWarnings', checked ? [...now, code].sort() : now);
    saver.flush();
  };
  return (
    <Stack>
      <IssuePanel view={view} saver={issued ? null : saver} snapshot={issued ? null : snapshot} />
      {snapshot.restored && (
        <Alert color="indigo">
          Changes typed here earlier that had not reached the database were brought back and are
          being saved.
        </Alert>
      )}
      {!issued && (
        <LintList
          problems={view.problems}
          acknowledged={snapshot.values.acknowledgedWarnings}
          onAcknowledge={toggle}
          canAcknowledge={view.cannotEdit === null}
        />
      )}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="xs">
            <DraftFields view={view} saver={saver} snapshot={snapshot} readOnly={view.cannotEdit} />
            {view.cannotEdit === null && <SaveStatus snapshot={snapshot} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ReportFacts data={view.data} />
        </Grid.Col>
      </Grid>
      <RevisionHistory auditId={view.auditId} revisions={view.revisions} />
    </Stack>
  );
}

/** `/audits/:id/report`: the audit report, from draft to signed issue and later revisions. */
export default function ReportPage() {
  const { id = '' } = useParams();
  const report = useAuditReport(id);
  if (report.isPending) return <Loader aria-label="Loading the audit report" />;
  if (report.isError) return <Alert color="red">{errorMessage(report.error)}</Alert>;
  const view = report.data;
  const { data } = view;
  return (
    <Stack maw={1200}>
      <Anchor component={Link} to={`/audits/${id}`} size="sm">
        ← {auditTypeLabels[data.audit.type]}: {data.client.legalName}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          Audit report: {data.client.legalName}
        </Title>
        <Text c="dimmed">
          {auditTypeLabels[data.audit.type]} · {data.audit.startDate} to {data.audit.endDate} ·{' '}
          {data.client.reference}
        </Text>
      </div>
      {/* One saver per revision: a new revision starts from what was issued. */}
      <ReportWorkspace key={`${id}-${view.latest?.revision ?? 1}`} view={view} />
    </Stack>
  );
}
