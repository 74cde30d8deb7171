import { Alert, Loader, Stack, Text } from '@mantine/core';
import type { Client } from '../../../shared/clients/schema';
import { hasAnyRole } from '../../../shared/people/schema';
import { soaEditors } from '../../../shared/soa/schema';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { useSession } from '../../session/useSession';
import SoaForm from './SoaForm';
import SoaVersionHistory from './SoaVersionHistory';
import { useCurrentSoa } from './useSoa';

/**
 * The client's Statement of Applicability (ISO/IEC 42001 6.1.3): which Annex A controls apply, why
 * any are excluded, and how far each is implemented. Saving records a new version.
 */
export default function SoaTab({ client }: { client: Client }) {
  const me = useSession().data?.current;
  const canEdit = me ? hasAnyRole(me, soaEditors) : false;
  const current = useCurrentSoa(client.id);

  if (current.isPending) return <Loader aria-label="Loading the Statement of Applicability" />;
  if (current.isError) return <Alert color="red">{errorMessage(current.error)}</Alert>;
  const soa = current.data;

  return (
    <Stack>
      <Text data-testid="soa-status">
        {soa
          ? `Version ${soa.versionNumber} (${soa.documentReference}), recorded by ${soa.createdByName ?? 'the command line'} on ${formatInstant(soa.createdAt)}: ${soa.applicableCount} applicable, ${soa.excludedCount} excluded.`
          : "No Statement of Applicability recorded yet. Enter the client's SoA below: every Annex A control starts as applicable; exclude those the client excludes, with its justification."}
      </Text>
      <SoaForm key={soa?.id ?? 'first'} clientId={client.id} current={soa} canEdit={canEdit} />
      <SoaVersionHistory clientId={client.id} />
    </Stack>
  );
}
