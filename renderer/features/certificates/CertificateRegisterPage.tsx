import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { FileDown, Hash } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CertificateListQuery } from '../../../shared/certificates/schema';
import { call, errorMessage } from '../../api';
import { localToday, useHasRole } from '../audits/useAudits';
import { saveExportedFile } from '../nonconformities/saveExportedFile';
import CertificateFilterBar, { type CertificateParamChange } from './CertificateFilterBar';
import CertificateRows from './CertificateRows';
import DecideForClient from './DecideForClient';
import NumberFormatModal from './NumberFormatModal';
import { isFiltered, readCertificateParams, withinDays } from './certificateFilters';
import { useCertificateNumbering, useCertificateRegister } from './useCertificates';

/**
 * `/certificates`: every certificate issued here, with its status derived on today (active,
 * suspended, withdrawn, expired), searched and filtered, exported for a public register.
 */
export default function CertificateRegisterPage() {
  const [search, setSearch] = useSearchParams();
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

  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => call('exportCertificates', { ...query, format }),
    onSuccess: (file) => {
      saveExportedFile(file);
      notifications.show({ color: 'green', message: `Saved ${file.fileName}.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  const update = (change: CertificateParamChange) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(change)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setSearch(next, { replace: true });
  };

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
          <Button
            variant="default"
            leftSection={<FileDown size={16} aria-hidden />}
            loading={exportFile.isPending && exportFile.variables === 'csv'}
            disabled={total === 0}
            onClick={() => exportFile.mutate('csv')}
          >
            Export CSV
          </Button>
          <Button
            variant="default"
            leftSection={<FileDown size={16} aria-hidden />}
            loading={exportFile.isPending && exportFile.variables === 'xlsx'}
            disabled={total === 0}
            onClick={() => exportFile.mutate('xlsx')}
          >
            Export XLSX
          </Button>
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
