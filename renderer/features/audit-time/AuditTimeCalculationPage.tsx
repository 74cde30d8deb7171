import { Alert, Anchor, Loader, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { prefillFromClient } from '../../../shared/audit-time';
import { hasAnyRole } from '../../../shared/people/schema';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import { useClient } from '../clients/useClients';
import CalculationForm from './CalculationForm';
import { useCurrentAuditTimeTable } from './useAuditTime';

/** `/clients/:id/audit-time/new`: calculate a client's audit time from its record, then save it. */
export default function AuditTimeCalculationPage() {
  const { id = '' } = useParams();
  const client = useClient(id);
  const current = useCurrentAuditTimeTable();
  const person = useSession().data?.current;

  if (client.isPending || current.isPending) return <Loader aria-label="Loading" />;
  if (client.isError) return <Alert color="red">{errorMessage(client.error)}</Alert>;
  if (current.isError) return <Alert color="red">{errorMessage(current.error)}</Alert>;
  const c = client.data;
  const cannotSave = c.archivedAt
    ? 'The client is archived; restore it before saving audit time.'
    : person && hasAnyRole(person, ['lead_auditor', 'admin'])
      ? null
      : 'Only a lead auditor or an administrator saves audit time; you can calculate and look.';

  return (
    <Stack maw={1400}>
      <Anchor component={Link} to={`/clients/${c.id}?tab=audit-time`} size="sm">
        ← {c.legalName}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          Calculate audit time
        </Title>
        <Text c="dimmed">
          {c.legalName} · table {current.data.version} (effective {current.data.effectiveDate})
        </Text>
      </div>
      <CalculationForm
        clientId={c.id}
        prefill={prefillFromClient(c)}
        current={current.data}
        cannotSave={cannotSave}
      />
    </Stack>
  );
}
