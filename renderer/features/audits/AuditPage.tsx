import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { FileDown, PackageOpen, Pencil } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { isPlanEditable } from '../../../shared/programme/audit-states';
import { auditPlanners, type Audit } from '../../../shared/programme/audit-schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { soaEditors } from '../../../shared/soa/schema';
import { countryName } from '../../../shared/countries';
import { call, errorMessage } from '../../api';
import { formatDays } from '../../format';
import AuditCalendarButton from '../calendar/AuditCalendarButton';
import ChecklistSection from '../checklist/ChecklistSection';
import AuditFindingsPanel from '../nonconformities/AuditFindingsPanel';
import ReportSection from '../reports/ReportSection';
import AuditedSoaPanel from '../soa/AuditedSoaPanel';
import TeamPanel from '../team/TeamPanel';
import AuditStateActions from './AuditStateActions';
import AuditStateBadge from './AuditStateBadge';
import StageGateNotice from './StageGateNotice';
import { saveAuditPlan } from './downloadPlan';
import { useAudit, useHasRole } from './useAudits';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{children || '—'}</Text>
    </div>
  );
}

function DaysSummary({ audit }: { audit: Audit }) {
  const planned = audit.onsiteDays + audit.remoteDays;
  const deviates = audit.calculatedDays !== null && audit.calculatedDays !== planned;
  return (
    <Stack gap={4} data-testid="audit-days">
      <Text>
        {formatDays(planned)}: {audit.onsiteDays} on site, {audit.remoteDays} remote
      </Text>
      <Text size="sm" c="dimmed">
        {audit.calculatedDays === null
          ? 'No calculated audit time for this audit.'
          : `Calculated: ${formatDays(audit.calculatedDays)}${deviates ? '' : ' (as planned)'}`}
      </Text>
      {deviates && (
        <Text size="sm">
          <Badge color="yellow" variant="light" mr={6}>
            Differs
          </Badge>
          {audit.daysDeviationReason}
        </Text>
      )}
    </Stack>
  );
}

/** `/audits/:id`: the plan, its state and next steps, the team, and the plan PDF for the client. */
export default function AuditPage() {
  const { id = '' } = useParams();
  const audit = useAudit(id);
  const canPlan = useHasRole(auditPlanners);
  const canRecordSoa = useHasRole(soaEditors);
  const download = useMutation({
    mutationFn: () => call('auditPlanPdf', { id }),
    onSuccess: (file) => {
      saveAuditPlan(file);
      notifications.show({ color: 'green', message: `Saved ${file.fileName}.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  if (audit.isPending) return <Loader aria-label="Loading audit" />;
  if (audit.isError) return <Alert color="red">{errorMessage(audit.error)}</Alert>;
  const a = audit.data;
  const type = auditTypeLabels[a.type];

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={`/clients/${a.clientId}?tab=programme`} size="sm">
        ← {a.clientName}
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            {type}: {a.clientName}
          </Title>
          <Group gap="xs" mt={4}>
            <Text c="dimmed">
              {a.clientReference} · cycle {a.cycleNumber}
            </Text>
            <AuditStateBadge state={a.state} />
          </Group>
        </div>
        <Group>
          {canPlan && isPlanEditable(a.state) && (
            <Button
              component={Link}
              to={`/audits/${a.id}/edit`}
              variant="default"
              leftSection={<Pencil size={16} aria-hidden />}
            >
              Edit plan
            </Button>
          )}
          <Button
            leftSection={<FileDown size={16} aria-hidden />}
            loading={download.isPending}
            onClick={() => download.mutate()}
          >
            Download audit plan (PDF)
          </Button>
          <AuditCalendarButton auditId={a.id} />
          <Button
            component={Link}
            to={`/data/packages?audit=${encodeURIComponent(a.id)}`}
            variant="default"
            leftSection={<PackageOpen size={16} aria-hidden />}
          >
            Export audit package
          </Button>
        </Group>
      </Group>
      {canPlan && <AuditStateActions audit={a} />}
      <StageGateNotice audit={a} />
      {a.state === 'cancelled' && (
        <Alert color="gray" title="Cancelled">
          {a.cancelledReason}
        </Alert>
      )}
      <Title order={2} size="h3">
        Plan
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Field label="Dates">
          {a.startDate} to {a.endDate}
          {a.completedOn ? ` · held until ${a.completedOn}` : ''}
        </Field>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Audit days
          </Text>
          <DaysSummary audit={a} />
        </div>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Sites to visit
          </Text>
          <List size="sm" aria-label="Sites to visit">
            {a.sites.map((s) => (
              <List.Item key={s.siteId}>
                {s.name} · {countryName(s.country)}
                {s.isCentral ? ' (central function)' : ''}
              </List.Item>
            ))}
          </List>
        </div>
        <div style={{ gridColumn: '1 / -1' }}>
          <Field label="Objectives">{a.objectives}</Field>
        </div>
        <div style={{ gridColumn: '1 / -1' }}>
          <Field label="Scope">{a.scope}</Field>
        </div>
        <div style={{ gridColumn: '1 / -1' }}>
          <Field label="Criteria">{a.criteria}</Field>
        </div>
      </SimpleGrid>
      <AuditedSoaPanel
        auditId={a.id}
        clientId={a.clientId}
        canChange={canRecordSoa && a.state !== 'completed' && a.state !== 'cancelled'}
      />
      <TeamPanel auditId={a.id} />
      <ChecklistSection audit={a} />
      <AuditFindingsPanel audit={a} />
      <ReportSection auditId={a.id} />
    </Stack>
  );
}
