import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Flag } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { findingAuditTypes } from '../../../shared/findings/deadlines';
import type { Audit } from '../../../shared/programme/audit-schema';
import type { TeamRole } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import { localToday } from '../audits/useAudits';
import { useFindingRaised } from '../checklist/useChecklist';
import RaiseFindingModal from '../findings/RaiseFindingModal';
import DecisionBlockersPanel from './DecisionBlockersPanel';
import FindingTable from './FindingTable';
import { useFindingList } from './useFindings';

/** Team roles that audit, and so raise findings (observers watch; as the checklist service). */
const raisingRoles: readonly TeamRole[] = ['lead_auditor', 'auditor', 'technical_expert'];

/**
 * The audit page's Findings section: the audit's findings, a finding raised without a checklist
 * item (e.g. from a site tour or an interview), and what blocks the next decision.
 */
export default function AuditFindingsPanel({ audit }: { audit: Audit }) {
  const list = useFindingList({
    auditId: audit.id,
    state: 'all',
    today: localToday(),
    limit: 1000,
  });
  const session = useSession();
  const meId = session.data?.current?.id ?? null;
  const myRole = audit.team.find((m) => m.personId === meId)?.role ?? null;
  const raisesFindings = (findingAuditTypes as readonly string[]).includes(audit.type);
  const canRaise =
    raisesFindings &&
    audit.state !== 'cancelled' &&
    myRole !== null &&
    raisingRoles.includes(myRole);
  const [raising, setRaising] = useState(false);
  const findingRaised = useFindingRaised(audit.id);

  return (
    <Stack data-testid="audit-findings">
      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          Findings
        </Title>
        <Group gap="md">
          <Anchor component={Link} to={`/findings?audit=${audit.id}&state=all`} size="sm">
            Open in the register
          </Anchor>
          {canRaise && (
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<Flag size={14} aria-hidden />}
              onClick={() => setRaising(true)}
            >
              Raise finding
            </Button>
          )}
        </Group>
      </Group>
      {list.isPending ? (
        <Loader size="sm" aria-label="Loading the audit’s findings" />
      ) : list.isError ? (
        <Alert color="red">{errorMessage(list.error)}</Alert>
      ) : list.data.total === 0 ? (
        <Text size="sm" c="dimmed">
          {raisesFindings
            ? 'No findings raised in this audit. The audit team raises them from the checklist items where a requirement is not met, or here with “Raise finding” when one is not tied to an item.'
            : 'A Stage 1 raises no findings: areas of concern are marked on its checklist and carried into Stage 2 (ISO/IEC 17021-1 9.3.1.2).'}
        </Text>
      ) : (
        <FindingTable rows={list.data.rows} label="Findings of this audit" />
      )}
      <Title order={3} size="h4">
        Next certification decision
      </Title>
      <DecisionBlockersPanel clientId={audit.clientId} />
      {canRaise && (
        <RaiseFindingModal
          opened={raising}
          onClose={() => setRaising(false)}
          audit={audit}
          item={null}
          kind="nonconformity"
          isLead={myRole === 'lead_auditor'}
          onRaised={findingRaised}
        />
      )}
    </Stack>
  );
}
