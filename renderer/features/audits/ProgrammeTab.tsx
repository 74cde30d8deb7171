import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { CalendarPlus, Gavel } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Client } from '../../../shared/clients/schema';
import type { CertificateStatus } from '../../../shared/cycle';
import { auditPlanners, decisionRecorders } from '../../../shared/programme/audit-schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import AuditStateBadge from './AuditStateBadge';
import ProgrammeTimeline from './ProgrammeTimeline';
import RecordDecisionModal from './RecordDecisionModal';
import { planSearch } from './auditFormValues';
import { useClientProgramme, useHasRole } from './useAudits';

const standingColours: Record<CertificateStatus, string> = {
  active: 'green',
  suspensionRequired: 'red',
  expiredRestorable: 'orange',
  lapsed: 'red',
  renewed: 'blue',
  restored: 'blue',
  newCycle: 'blue',
};

const standingTitles: Record<CertificateStatus, string> = {
  active: 'Certified',
  suspensionRequired: 'Suspension to be considered',
  expiredRestorable: 'Expired, restorable',
  lapsed: 'Lapsed',
  renewed: 'Renewed',
  restored: 'Restored',
  newCycle: 'Certified afresh',
};

/** The client page's Programme tab: the 3-year cycle as a timeline, and every audit of the client. */
export default function ProgrammeTab({ client }: { client: Client }) {
  const programme = useClientProgramme(client.id);
  const [recording, setRecording] = useState(false);
  const canPlan = useHasRole(auditPlanners);
  const canRecord = useHasRole(decisionRecorders);
  if (programme.isPending) return <Loader aria-label="Loading programme" />;
  if (programme.isError) return <Alert color="red">{errorMessage(programme.error)}</Alert>;
  const p = programme.data;
  const cycle = p.current;
  const cycleNumber = cycle?.cycleNumber ?? 1;

  return (
    <Stack>
      {p.cycles.length === 0 ? (
        <Alert color="indigo" title="No certification decision recorded yet">
          <Stack gap="xs" align="start">
            <Text size="sm">
              Plan Stage 1 and Stage 2 below. Once certified (here, or before the client came to
              Audit Desk), record the certification decision: surveillance and recertification dates
              follow from it.
            </Text>
            {canRecord && (
              <Button
                size="xs"
                leftSection={<Gavel size={14} aria-hidden />}
                onClick={() => setRecording(true)}
              >
                Record certification decision
              </Button>
            )}
          </Stack>
        </Alert>
      ) : (
        p.standing && (
          <Alert
            color={standingColours[p.standing.certificateStatus]}
            title={standingTitles[p.standing.certificateStatus]}
            data-testid="programme-standing"
          >
            {p.standing.message}
          </Alert>
        )
      )}
      {p.problem && <Alert color="red">{p.problem}</Alert>}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {cycle
            ? `Cycle ${cycle.cycleNumber}: from ${cycle.output.cycleStartDate} to expiry on ${cycle.output.expiryDate}. States as of ${p.today}.`
            : `States as of ${p.today}.`}
        </Text>
        {canPlan && (
          <Button
            component={Link}
            to={planSearch({ clientId: client.id, type: 'special', cycleNumber, window: null })}
            variant="default"
            size="xs"
            leftSection={<CalendarPlus size={14} aria-hidden />}
          >
            Plan another audit
          </Button>
        )}
      </Group>
      <ProgrammeTimeline items={p.timeline} clientId={client.id} canPlan={canPlan} />
      <Title order={2} size="h4">
        All audits of {client.legalName}
      </Title>
      {p.audits.length === 0 ? (
        <Text c="dimmed">No audits planned yet: use “Plan audit” on an event above.</Text>
      ) : (
        <Table striped aria-label="Audits of this client">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Audit</Table.Th>
              <Table.Th>Cycle</Table.Th>
              <Table.Th>Days</Table.Th>
              <Table.Th>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.audits.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/audits/${a.id}`}>
                    {a.startDate} to {a.endDate}
                  </Anchor>
                </Table.Td>
                <Table.Td>{auditTypeLabels[a.type]}</Table.Td>
                <Table.Td>{a.cycleNumber}</Table.Td>
                <Table.Td>{a.onsiteDays + a.remoteDays}</Table.Td>
                <Table.Td>
                  <AuditStateBadge state={a.state} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {recording && <RecordDecisionModal client={client} onClose={() => setRecording(false)} />}
    </Stack>
  );
}
