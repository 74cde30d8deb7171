import { Alert, Button, Group, MultiSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PackageOpen } from 'lucide-react';
import { useMemo, useState } from 'react';
import { exportPackageSchema } from '../../../shared/packages/schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import { useAuditList } from '../audits/useAudits';
import { saveExportedFile } from '../../ui/saveExportedFile';
import { packageHistoryKey } from './usePackages';

interface Props {
  /** An audit chosen before the page opened (`?audit=ID`, from the audit page). */
  preselected: string | null;
}

/** Export: one or more audits into one signed package file, saved where the person chooses. */
export default function ExportCard({ preselected }: Props) {
  const queryClient = useQueryClient();
  const list = useAuditList({});
  const [auditIds, setAuditIds] = useState<string[]>(preselected ? [preselected] : []);
  const [error, setError] = useState<string | null>(null);
  const options = useMemo(
    () =>
      (list.data ?? []).map((a) => ({
        value: a.id,
        label: `${a.clientName} (${a.clientReference}) · ${auditTypeLabels[a.type]} · ${a.startDate} to ${a.endDate}`,
      })),
    [list.data],
  );
  const unknownPreselected =
    preselected !== null && list.isSuccess && !list.data.some((a) => a.id === preselected);
  const exporting = useMutation({
    mutationFn: (ids: string[]) => call('exportAuditPackage', { auditIds: ids }),
    onSuccess: async (file) => {
      saveExportedFile(file);
      await queryClient.invalidateQueries({ queryKey: packageHistoryKey });
    },
    onError: (e) => {
      const field = serverFieldError(e);
      if (field?.auditIds) setError(field.auditIds);
    },
  });

  const exportNow = () => {
    const problems = schemaErrors(exportPackageSchema, { auditIds });
    const problem = problems.auditIds ?? Object.values(problems)[0];
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    exporting.mutate(auditIds);
  };
  const saved = exporting.data;
  const bannerError = exporting.isError && serverFieldError(exporting.error) === null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="export-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="export-heading">
          Export
        </Title>
        <Text size="sm">
          Put one or more audits in one file to take them to a laptop (or back to the office): the
          client, its sites and programme, the audit and its team, the Statement of Applicability,
          the checklist with answers and evidence files, and the findings.
        </Text>
        {unknownPreselected && (
          <Alert color="yellow">
            The audit this page was opened for is not in the list (it may have been removed). Choose
            the audits below.
          </Alert>
        )}
        <MultiSelect
          label="Audits to export"
          placeholder={auditIds.length === 0 ? 'Search by client, type or date' : undefined}
          description="Type to search; choose up to 50 audits."
          data={options}
          value={auditIds}
          onChange={(ids) => {
            setAuditIds(ids);
            setError(null);
          }}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen audits' }}
          hidePickedOptions
          maxValues={50}
          nothingFoundMessage={list.isPending ? 'Loading audits…' : 'No audit matches'}
          error={error}
          maw={760}
        />
        <Group>
          <Button
            leftSection={<PackageOpen size={16} aria-hidden />}
            loading={exporting.isPending}
            onClick={exportNow}
          >
            Export package
          </Button>
          {exporting.isPending && (
            <Text size="sm" role="status">
              Collecting the records and evidence files and signing the package…
            </Text>
          )}
        </Group>
        {bannerError && <Alert color="red">{errorMessage(exporting.error)}</Alert>}
        {saved && !exporting.isPending && (
          <Alert color="green" role="status" title="Package saved" data-testid="export-result">
            {saved.fileName}: {saved.rows.toLocaleString()} records and {saved.evidenceFiles}{' '}
            evidence {saved.evidenceFiles === 1 ? 'file' : 'files'}, signed by this installation.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
