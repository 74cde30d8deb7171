import { Alert, Anchor, Card, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from 'react-router';
import { decisionKindLabels } from '../../../shared/certificates/decision-rules';
import {
  takeCertificationDecisionSchema,
  type CertificationDecisionContext,
} from '../../../shared/certificates/schema';
import { call, errorMessage } from '../../api';
import { schemaErrors } from '../../forms';
import { useSavedForm } from '../../ui/useSavedForm';
import { localToday } from '../audits/useAudits';
import StatusBadge from '../clients/StatusBadge';
import CertificateStatusBadge from './CertificateStatusBadge';
import DecisionForm, { type DecisionValues } from './DecisionForm';
import DecisionReview from './DecisionReview';
import DecisionSummary from './DecisionSummary';
import { useDecisionContext, useDecisionTaken } from './useCertificates';

function CurrentCertificate({ context }: { context: CertificationDecisionContext }) {
  const c = context.currentCertificate;
  if (!c) {
    return (
      <Text size="sm" c="dimmed">
        No certificate has been issued for this client in Audit Desk yet.
      </Text>
    );
  }
  return (
    <Group gap="xs">
      <Text size="sm">Current certificate</Text>
      <Anchor component={Link} to={`/certificates/${c.id}`} size="sm">
        {c.number}
      </Anchor>
      <CertificateStatusBadge status={c.status} />
      <Text size="sm" c="dimmed">
        issued {c.issueDate}, valid until {c.expiryDate}
      </Text>
    </Group>
  );
}

function Workspace({
  clientId,
  initial,
  today,
}: {
  clientId: string;
  initial: CertificationDecisionContext;
  today: string;
}) {
  const navigate = useNavigate();
  const refresh = useDecisionTaken();
  const form = useForm<DecisionValues>({
    mode: 'controlled',
    initialValues: {
      kind: initial.suggestedKind,
      decisionDate: today,
      reasons: '',
      conditions: '',
      scopeText: '',
    },
  });
  const current = useDecisionContext(clientId, form.values.kind, form.values.decisionDate, today);
  const context = current.data ?? initial;
  const input = (values: DecisionValues) => ({ clientId, today, ...values });

  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: `certification-decision-${clientId}`,
    check: (values) => {
      const errors = schemaErrors(takeCertificationDecisionSchema, input(values));
      const option = context.kinds.find((k) => k.kind === values.kind);
      if (option && !option.allowed && option.reason) errors.kind = option.reason;
      return errors;
    },
    save: async (values) => {
      const result = await call('takeCertificationDecision', input(values));
      form.resetDirty();
      await refresh();
      notifications.show({
        color: 'green',
        message: `${decisionKindLabels[result.decision.kind]} recorded${
          result.certificate ? `; certificate ${result.certificate.number} issued` : ''
        }.`,
      });
      if (result.certificate) navigate(`/certificates/${result.certificate.id}`);
      else form.reset();
    },
  });

  return (
    <Stack maw={1300}>
      <Anchor component={Link} to={`/clients/${clientId}?tab=programme`} size="sm">
        ← {context.client.legalName}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          Certification decision
        </Title>
        <Group gap="xs" mt={4}>
          <Text>{context.client.legalName}</Text>
          <Text c="dimmed">{context.client.reference}</Text>
          <StatusBadge status={context.client.status} />
        </Group>
      </div>
      <CurrentCertificate context={context} />
      {!context.decider.allowed && context.decider.reason && (
        <Alert color="yellow" title="You may not take this decision" data-testid="decider-refusal">
          {context.decider.reason}
        </Alert>
      )}
      {current.isError && <Alert color="red">{errorMessage(current.error)}</Alert>}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <DecisionReview context={context} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <DecisionForm
            form={form}
            context={context}
            today={today}
            saving={saving}
            notices={notices}
            onSubmit={onSubmit}
          />
        </Grid.Col>
      </Grid>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Decisions taken for this client
        </Title>
        {context.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        ) : (
          <Stack gap="md">
            {context.decisions.map((d) => (
              <DecisionSummary key={d.id} decision={d} />
            ))}
          </Stack>
        )}
      </Card>
      {guard}
    </Stack>
  );
}

/**
 * `/clients/:id/decision`: a decision maker who was not on the audit team reviews the report, the
 * findings and the recommendation, and decides (ISO/IEC 17021-1 9.5).
 */
export default function DecisionPage() {
  const { id = '' } = useParams();
  const today = localToday();
  const first = useDecisionContext(id, null, today, today);
  if (first.isPending) return <Loader aria-label="Loading the decision" />;
  if (first.isError) return <Alert color="red">{errorMessage(first.error)}</Alert>;
  return <Workspace key={id} clientId={id} initial={first.data} today={today} />;
}
