import { Alert, Anchor, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Client } from '../../../shared/clients/schema';
import { createAuditSchema, updateAuditSchema } from '../../../shared/programme/audit-schema';
import {
  auditTypeLabels,
  auditTypes,
  auditTypeSchema,
  type AuditType,
} from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { formatDays } from '../../format';
import { schemaErrors } from '../../forms';
import { useClient } from '../clients/useClients';
import AuditPlanForm from './AuditPlanForm';
import { valuesFromAudit, valuesFromDefaults, type PlanWindow } from './auditFormValues';
import { localToday, useAudit, useAuditPlanDefaults, useRefreshAudits } from './useAudits';

function windowFrom(params: URLSearchParams): PlanWindow | null {
  const windowStart = params.get('windowStart');
  const windowEnd = params.get('windowEnd');
  return windowStart && windowEnd ? { windowStart, windowEnd } : null;
}

/** `/audits/new?client=…&type=…&cycle=…[&windowStart=…&windowEnd=…]`: plan an audit. */
function NewAuditPlan() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const refresh = useRefreshAudits();
  const clientId = params.get('client') ?? '';
  const parsedType = auditTypeSchema.safeParse(params.get('type'));
  const type: AuditType = parsedType.success ? parsedType.data : 'surveillance';
  const cycleNumber = Math.max(1, Number(params.get('cycle')) || 1);
  const window = windowFrom(params);
  const client = useClient(clientId);
  const defaults = useAuditPlanDefaults(clientId, type, clientId !== '');

  if (clientId === '') {
    return <Alert color="yellow">Plan audits from a client’s Programme tab.</Alert>;
  }
  if (client.isPending || defaults.isPending) return <Loader aria-label="Loading the plan" />;
  if (client.isError) return <Alert color="red">{errorMessage(client.error)}</Alert>;
  if (defaults.isError) return <Alert color="red">{errorMessage(defaults.error)}</Alert>;
  const c = client.data;
  const d = defaults.data;
  const backTo = `/clients/${c.id}?tab=programme`;

  return (
    <PlanLayout client={c} title={`Plan ${auditTypeLabels[type].toLowerCase()}`} backTo={backTo}>
      <Group align="end">
        <Select
          label="Audit type"
          data={auditTypes.map((t) => ({ value: t, label: auditTypeLabels[t] }))}
          value={type}
          allowDeselect={false}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set('type', value);
            setParams(next, { replace: true });
          }}
          w={220}
        />
        <Text size="sm" mb={8} data-testid="plan-cycle">
          Certification cycle {cycleNumber}
          {window ? ` · window ${window.windowStart} to ${window.windowEnd}` : ''}
        </Text>
      </Group>
      <AuditPlanForm
        key={`${type}:${d.auditTimeResultId ?? 'none'}`}
        draftKey={`audit:new:${c.id}:${type}`}
        client={c}
        initialValues={valuesFromDefaults(d, localToday(), window)}
        basis={d}
        // Lateness of Stage 2 and the decision is told on the programme; suspension only
        // follows a late surveillance or recertification (ISO/IEC 17021-1 9.6.5.2).
        window={type === 'surveillance' || type === 'recertification' ? window : null}
        submitLabel="Plan audit"
        check={(plan) =>
          schemaErrors(createAuditSchema, { ...plan, clientId: c.id, type, cycleNumber })
        }
        onCancel={() => navigate(backTo)}
        onSubmit={async (plan) => {
          const input = createAuditSchema.parse({ ...plan, clientId: c.id, type, cycleNumber });
          const saved = await call('createAudit', input);
          await refresh();
          notifications.show({ color: 'green', message: `${auditTypeLabels[type]} planned.` });
          navigate(`/audits/${saved.id}`);
        }}
      />
    </PlanLayout>
  );
}

/** `/audits/:id/edit`: change the plan of an audit not yet completed or cancelled. */
function EditAuditPlan({ id }: { id: string }) {
  const navigate = useNavigate();
  const refresh = useRefreshAudits();
  const audit = useAudit(id);
  const client = useClient(audit.data?.clientId);
  if (audit.isPending || client.isPending) return <Loader aria-label="Loading the plan" />;
  if (audit.isError) return <Alert color="red">{errorMessage(audit.error)}</Alert>;
  if (client.isError) return <Alert color="red">{errorMessage(client.error)}</Alert>;
  const a = audit.data;
  return (
    <PlanLayout
      client={client.data}
      title={`Edit the ${auditTypeLabels[a.type].toLowerCase()} plan`}
      backTo={`/audits/${a.id}`}
    >
      <AuditPlanForm
        key={a.updatedAt}
        draftKey={`audit:${a.id}`}
        client={client.data}
        initialValues={valuesFromAudit(a)}
        basis={{
          calculatedDays: a.calculatedDays,
          minOnsiteDays: null,
          sampleSize: null,
          source:
            a.calculatedDays === null
              ? null
              : `Calculated when planned: ${formatDays(a.calculatedDays)}.`,
        }}
        submitLabel="Save plan"
        check={(plan) => schemaErrors(updateAuditSchema, { ...plan, id: a.id })}
        onCancel={() => navigate(`/audits/${a.id}`)}
        onSubmit={async (plan) => {
          await call('updateAudit', updateAuditSchema.parse({ ...plan, id: a.id }));
          await refresh();
          notifications.show({ color: 'green', message: 'Audit plan saved.' });
          navigate(`/audits/${a.id}`);
        }}
      />
    </PlanLayout>
  );
}

function PlanLayout(props: {
  client: Client;
  title: string;
  backTo: string;
  children: React.ReactNode;
}) {
  return (
    <Stack maw={900}>
      <Anchor component={Link} to={props.backTo} size="sm">
        ← {props.client.legalName}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        <Text c="dimmed">
          {props.client.legalName} · {props.client.reference}
        </Text>
      </div>
      {props.children}
    </Stack>
  );
}

export default function AuditPlanPage() {
  const { id } = useParams();
  return id ? <EditAuditPlan id={id} /> : <NewAuditPlan />;
}
