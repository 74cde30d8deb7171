import { Alert, Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ClipboardCheck, ListChecks } from 'lucide-react';
import { Link } from 'react-router';
import { checklistPlanners, type Checklist } from '../../../shared/checklists/schema';
import type { Audit } from '../../../shared/programme/audit-schema';
import type { AuditType } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import { useHasRole } from '../audits/useAudits';
import { useCurrentSoa } from '../soa/useSoa';
import { issueCounts } from './checklistView';
import { useChecklist, usePrepareChecklist } from './useChecklist';

/** What the prepared checklist will hold, by audit type (issue 6, section 3). */
const contents: Record<AuditType, string> = {
  stage1:
    'a readiness review: scope and boundaries, AI system inventory, AI policy, risk and impact assessment, the Statement of Applicability, internal audit and management review, documented information. Each topic is marked ready, concern or not ready, and the review ends in a readiness conclusion that gates Stage 2.',
  stage2:
    "every clause item of ISO/IEC 42001 and every Annex A control the client's Statement of Applicability makes applicable, the justification of each exclusion, and the concerns carried from Stage 1.",
  recertification:
    "every clause item of ISO/IEC 42001 and every Annex A control the client's Statement of Applicability makes applicable, and the justification of each exclusion.",
  transfer:
    "every clause item of ISO/IEC 42001 and every Annex A control the client's Statement of Applicability makes applicable, and the justification of each exclusion.",
  surveillance:
    'the items the lead auditor chooses for this surveillance, always including internal audit, management review, nonconformity follow-up and changes.',
  special:
    'the items the lead auditor chooses for this audit, always including internal audit, management review, nonconformity follow-up and changes.',
};

function useSoaForAudit(audit: Audit) {
  const audited = useQuery({
    queryKey: ['soa', 'audited', audit.id],
    queryFn: () => call('auditedSoaVersion', { auditId: audit.id }),
  });
  const current = useCurrentSoa(audit.clientId);
  if (audited.isPending || current.isPending) return null;
  if (audited.data) {
    const v = audited.data.soaVersion;
    return `It uses the SoA version recorded for this audit: version ${v.versionNumber} (${v.documentReference}).`;
  }
  if (current.data) {
    return `No SoA version is recorded for this audit yet: the client's newest, version ${current.data.versionNumber} (${current.data.documentReference}), will be used and recorded.`;
  }
  return audit.type === 'stage1'
    ? "The client has no Statement of Applicability recorded yet, so the readiness review will have no exclusions to review; record it on the client's Statement of Applicability tab first if the client has one."
    : "The client has no Statement of Applicability recorded yet: record it on the client's Statement of Applicability tab first.";
}

function NotPrepared({ audit, canPrepare }: { audit: Audit; canPrepare: boolean }) {
  const prepare = usePrepareChecklist(audit.id);
  const soa = useSoaForAudit(audit);
  return (
    <Stack gap="xs">
      <Text>
        No checklist has been prepared for this audit yet. Preparing it copies from the ISO/IEC
        42001 catalogue {contents[audit.type]}
      </Text>
      {soa && (
        <Text size="sm" c="dimmed" data-testid="checklist-soa">
          {soa}
        </Text>
      )}
      {prepare.isError && (
        <Alert color="red" role="alert" title="The checklist was not prepared">
          {errorMessage(prepare.error)}
        </Alert>
      )}
      {canPrepare ? (
        <Group>
          <Button
            leftSection={<ListChecks size={16} aria-hidden />}
            loading={prepare.isPending}
            onClick={() => prepare.mutate(null)}
          >
            Prepare checklist
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          The audit team, a lead auditor or a scheduler prepares it.
        </Text>
      )}
    </Stack>
  );
}

function Prepared({ audit, checklist }: { audit: Audit; checklist: Checklist }) {
  const { answered, total } = checklist.progress;
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  const counts = issueCounts(checklist);
  const readiness = checklist.kind === 'readiness';
  const conclusion = checklist.readinessConclusion;
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Text data-testid="checklist-progress">
          {answered} of {total} items answered
          {checklist.kind === 'selection' && ' (the items chosen for this audit)'}
        </Text>
        <Text size="sm" c="dimmed" data-testid="checklist-counts">
          {readiness
            ? `${counts.concerns} ${counts.concerns === 1 ? 'concern' : 'concerns'}, ${counts.notReady} not ready`
            : `${counts.nonconformities} ${counts.nonconformities === 1 ? 'nonconformity' : 'nonconformities'}, ${counts.opportunities} ${counts.opportunities === 1 ? 'opportunity' : 'opportunities'} for improvement`}
        </Text>
      </Group>
      <Progress value={percent} aria-label="Checklist progress" size="lg" />
      {readiness && (
        <Text size="sm">
          {conclusion
            ? `Readiness concluded: ${conclusion.conclusion === 'ready' ? 'ready for Stage 2' : 'not ready for Stage 2'}${conclusion.concludedByName ? `, by ${conclusion.concludedByName}` : ''}.`
            : 'The readiness conclusion has not been recorded yet.'}
        </Text>
      )}
      <Group>
        <Button
          component={Link}
          to={`/audits/${audit.id}/checklist`}
          leftSection={<ClipboardCheck size={16} aria-hidden />}
        >
          Open checklist
        </Button>
      </Group>
    </Stack>
  );
}

/** The checklist on the audit page: prepare it, or see how far it is and open it. */
export default function ChecklistSection({ audit }: { audit: Audit }) {
  const checklist = useChecklist(audit.id);
  const me = useSession().data?.current;
  const isPlanner = useHasRole(checklistPlanners);
  const onTeam = audit.team.some((m) => m.personId === me?.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="checklist-heading">
      <Title order={2} size="h3" id="checklist-heading" mb="xs">
        Checklist
      </Title>
      {checklist.isPending ? (
        <Loader size="sm" aria-label="Loading the checklist" />
      ) : checklist.isError ? (
        <Alert color="red">{errorMessage(checklist.error)}</Alert>
      ) : checklist.data ? (
        <Prepared audit={audit} checklist={checklist.data} />
      ) : (
        <NotPrepared audit={audit} canPrepare={onTeam || isPlanner} />
      )}
    </Paper>
  );
}
