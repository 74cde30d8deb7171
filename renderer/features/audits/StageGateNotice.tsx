import { Alert, Anchor, Loader, Stack, Text } from '@mantine/core';
import { CircleCheck, TriangleAlert } from 'lucide-react';
import { Link } from 'react-router';
import type { Audit } from '../../../shared/programme/audit-schema';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { currentResult } from '../checklist/checklistView';
import { useChecklist } from '../checklist/useChecklist';
import { useStage1Gate } from '../checklist/useChecklistPlanning';

const blocked = 'Stage 2 cannot start until the Stage 1 readiness conclusion is “ready”.';

/** Items carried from Stage 1: counted in the Stage 2 checklist once prepared, else in Stage 1. */
function carriedText(carriedIntoStage2: number | null, flaggedInStage1: number): string {
  if (carriedIntoStage2 !== null) {
    if (carriedIntoStage2 === 0) return 'no concerns carried into this checklist.';
    return `${carriedIntoStage2} ${carriedIntoStage2 === 1 ? 'concern' : 'concerns'} carried into this checklist.`;
  }
  if (flaggedInStage1 === 0) return 'no concerns to carry into this checklist.';
  return `${flaggedInStage1} ${flaggedInStage1 === 1 ? 'concern' : 'concerns'} will be carried into this checklist when it is prepared.`;
}

/**
 * On a Stage 2 audit: whether the Stage 1 of the same client and cycle concluded that the client
 * is ready (ISO/IEC 17021-1 9.3.1.2: Stage 1 determines readiness for Stage 2). Nothing for other
 * audit types.
 */
export default function StageGateNotice({ audit }: { audit: Audit }) {
  const gate = useStage1Gate(audit);
  // The audit page reads this checklist anyway (same query), and preparing it updates it here.
  const own = useChecklist(audit.id);
  if (audit.type !== 'stage2') return null;
  if (gate.isPending) return <Loader size="sm" aria-label="Reading the Stage 1 readiness" />;
  if (gate.isError) {
    return (
      <Alert color="red" role="alert">
        The Stage 1 readiness could not be read: {errorMessage(gate.error)}
      </Alert>
    );
  }
  const { stage1, checklist } = gate.data;
  const stage2Checklist = own.data ?? null;
  const conclusion = checklist?.readinessConclusion ?? null;
  const stage1Link = stage1 && (
    <Anchor component={Link} to={`/audits/${stage1.id}`}>
      Open the Stage 1 audit ({stage1.startDate})
    </Anchor>
  );

  if (conclusion?.conclusion === 'ready' && checklist) {
    const flagged = checklist.items.filter((i) => {
      const result = currentResult(i);
      return result === 'concern' || result === 'not_ready';
    }).length;
    const carried = stage2Checklist
      ? stage2Checklist.items.filter((i) => i.section === 'concern').length
      : null;
    return (
      <Alert
        color="green"
        icon={<CircleCheck size={18} aria-hidden />}
        title="Stage 1 concluded ready"
        data-testid="stage-gate"
      >
        <Stack gap={4}>
          <Text size="sm">
            Stage 1 concluded ready on {formatInstant(conclusion.concludedAt)} by{' '}
            {conclusion.concludedByName ?? 'the command line'}; {carriedText(carried, flagged)}
          </Text>
          {stage1Link}
        </Stack>
      </Alert>
    );
  }

  const why = !stage1
    ? `No Stage 1 audit is planned in cycle ${audit.cycleNumber} for ${audit.clientName}.`
    : !checklist
      ? 'The Stage 1 checklist has not been prepared yet.'
      : !conclusion
        ? 'The Stage 1 readiness review has no conclusion yet.'
        : `Stage 1 concluded not ready on ${formatInstant(conclusion.concludedAt)} by ${conclusion.concludedByName ?? 'the command line'}: “${conclusion.summary}”`;
  return (
    <Alert
      color="yellow"
      icon={<TriangleAlert size={18} aria-hidden />}
      title="Stage 1 readiness"
      data-testid="stage-gate"
    >
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {blocked}
        </Text>
        <Text size="sm">{why}</Text>
        {stage1Link ?? (
          <Anchor component={Link} to={`/clients/${audit.clientId}?tab=programme`}>
            Open the client&apos;s programme
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
