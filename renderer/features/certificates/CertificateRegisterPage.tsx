import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Hash } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { CertificateListQuery } from '../../../shared/certificates/schema';
import { call, errorMessage } from '../../api';
import { localToday, useHasRole } from '../audits/useAudits';
import CertificateFilterBar from './CertificateFilterBar';
import CertificateRows from './CertificateRows';
import DecideForClient from './DecideForClient';
import NumberFormatModal from './NumberFormatModal';
import { isFiltered, readCertificateParams, withinDays } from './certificateFilters';
import { useCertificateNumbering, useCertificateRegister } from './useCertificates';
import ExportButtons from '../../ui/ExportButtons';
import { useUrlParams } from '../../ui/useUrlParams';

/**
 * `/certificates`: every certificate issued here, with its status derived on today (active,
 * suspended, withdrawn, expired), searched and filtered, exported for a public register.
 */
export default function CertificateRegisterPage() {
  const [search, update] = useUrlParams();
  const params = readCertificateParams(search);
  const [debouncedText] = useDebouncedValue(params.search, 200);
  const today = localToday();
  const within = withinDays(params.within);
  const isAdmin = useHasRole(['admin']);
  const isDecider = useHasRole(['decision_maker']);
  const numbering = useCertificateNumbering();
  const [numberingOpen, setNumberingOpen] = useState(false);

  const query = useMemo<CertificateListQuery>(() => {
    const q: CertificateListQuery = { today, includeReplaced: params.includeReplaced };
    if (debouncedText.trim() !== '') q.search = debouncedText.trim();
    if (params.status) q.status = params.status;
    if (within.days !== undefined) q.expiringWithinDays = within.days;
    return q;
  }, [today, params.includeReplaced, debouncedText, params.status, within.days]);

  const register = useCertificateRegister(query);
  const rows = register.data?.rows ?? [];
  const total = register.data?.total ?? 0;

  const filtered = isFiltered(params);
  const loaded = !register.isPending && !register.isError;
  const nothingAtAll = loaded && total === 0 && !filtered;

  return (
    <Stack gap="md" h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Certificates
        </Title>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<Hash size={16} aria-hidden />}
            disabled={!numbering.data}
            onClick={() => setNumberingOpen(true)}
          >
            Number format
          </Button>
          <ExportButtons
            build={(format) => call('exportCertificates', { ...query, format })}
            disabled={total === 0}
          />
        </Group>
      </Group>
      {isDecider && <DecideForClient />}
      <CertificateFilterBar
        params={params}
        onChange={update}
        filtered={filtered}
        withinError={within.error}
      />
      <Text c="dimmed" size="sm" aria-live="polite" data-testid="certificate-total">
        {register.isPending
          ? 'Loading…'
          : `${total.toLocaleString()} ${total === 1 ? 'certificate' : 'certificates'}, status as of ${register.data?.today ?? today}${
              within.days !== undefined ? ', soonest expiry first' : ', newest first'
            }`}
      </Text>
      {register.isError && <Alert color="red">{errorMessage(register.error)}</Alert>}
      {nothingAtAll ? (
        <Alert title="No certificate issued yet" color="indigo">
          <Text size="sm">
            A certificate is issued when a decision maker who was not on the audit team grants
            certification after Stage 2: open the client and choose{' '}
            <strong>Certification decision</strong>
            {isDecider ? ', or pick the client above' : ''}. Renewals and scope changes issue a new
            certificate that replaces the previous one.
          </Text>
        </Alert>
      ) : loaded && total === 0 ? (
        <Alert color="gray" title="No certificate matches">
          Clear the search or a filter, or show replaced certificates.
        </Alert>
      ) : (
        <CertificateRows rows={rows} resetKey={JSON.stringify(query)} />
      )}
      {numberingOpen && numbering.data && (
        <NumberFormatModal
          numbering={numbering.data}
          canEdit={isAdmin}
          onClose={() => setNumberingOpen(false)}
        />
      )}
    </Stack>
  );
}
