import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { AuditedSoa, SoaVersionSummary } from '../../../shared/soa/schema';
import { call, errorMessage } from '../../api';
import { formatInstant } from '../../format';
import { serverFieldError } from '../../forms';
import { soaKey, useSoaVersions } from './useSoa';

interface Props {
  auditId: string;
  clientId: string;
  /** A planner (soaEditors) on an audit that is not completed or cancelled. */
  canChange: boolean;
}

function versionLabel(v: SoaVersionSummary): string {
  return `Version ${v.versionNumber} · ${v.documentReference} · ${formatInstant(v.createdAt)}`;
}

function AuditedText({ audited }: { audited: AuditedSoa }) {
  const v = audited.soaVersion;
  return (
    <Text data-testid="audited-soa">
      Version {v.versionNumber} ({v.documentReference}), recorded on {formatInstant(v.createdAt)}:{' '}
      {v.applicableCount} applicable, {v.excludedCount} excluded.
      <Text span c="dimmed" size="sm">
        {' '}
        Chosen by {audited.recordedByName ?? 'the command line'} on{' '}
        {formatInstant(audited.recordedAt)}.
      </Text>
    </Text>
  );
}

/** Choose one of the client's SoA versions as the one this audit audits. */
function Chooser({
  auditId,
  versions,
  audited,
}: {
  auditId: string;
  versions: SoaVersionSummary[];
  audited: AuditedSoa | null;
}) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(
    audited?.soaVersion.id ?? versions[0]?.id ?? null,
  );
  const [error, setError] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (soaVersionId: string) =>
      call('recordAuditedSoaVersion', { auditId, soaVersionId }),
    onSuccess: async (saved) => {
      setError(null);
      notifications.show({
        color: 'green',
        message: `This audit audits SoA version ${saved.soaVersion.versionNumber}.`,
      });
      await queryClient.invalidateQueries({ queryKey: soaKey });
    },
    onError: (e) => {
      const atField = serverFieldError(e);
      setError(atField?.soaVersionId ?? errorMessage(e));
    },
  });
  const unchanged = chosen === audited?.soaVersion.id;

  return (
    <form
      noValidate
      aria-label="Choose the audited SoA version"
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen === null) setError('Choose the SoA version that was audited.');
        else record.mutate(chosen);
      }}
    >
      <Group align="end" gap="sm">
        <Select
          label="SoA version this audit audits"
          data={versions.map((v) => ({ value: v.id, label: versionLabel(v) }))}
          value={chosen}
          onChange={(value) => {
            setChosen(value);
            setError(null);
          }}
          error={error}
          allowDeselect={false}
          w={420}
        />
        <Button type="submit" variant="light" loading={record.isPending} disabled={unchanged}>
          {audited ? 'Change audited version' : 'Record as audited'}
        </Button>
      </Group>
    </form>
  );
}

/**
 * Which version of the client's Statement of Applicability this audit audits (ISO/IEC 42006: the
 * SoA is an audit input). It can be chosen or corrected until the checklist is prepared from it.
 */
export default function AuditedSoaPanel({ auditId, clientId, canChange }: Props) {
  const audited = useQuery({
    queryKey: [...soaKey, 'audited', auditId],
    queryFn: () => call('auditedSoaVersion', { auditId }),
  });
  const versions = useSoaVersions(clientId);
  const soaTab = `/clients/${clientId}?tab=soa`;

  let body;
  if (audited.isPending || versions.isPending) {
    body = <Loader size="sm" aria-label="Loading the audited SoA version" />;
  } else if (audited.isError || versions.isError) {
    body = <Alert color="red">{errorMessage(audited.error ?? versions.error)}</Alert>;
  } else {
    const current = audited.data;
    const newest = versions.data[0];
    const locked = current?.checklistPrepared ?? false;
    body = (
      <>
        {current ? (
          <AuditedText audited={current} />
        ) : versions.data.length === 0 ? (
          <Text data-testid="audited-soa">
            The client has no Statement of Applicability recorded yet. Record it on the{' '}
            <Anchor component={Link} to={soaTab}>
              client’s SoA tab
            </Anchor>{' '}
            first; then choose here which version this audit audits.
          </Text>
        ) : (
          <Text data-testid="audited-soa">No SoA version is recorded for this audit yet.</Text>
        )}
        {current && newest && newest.versionNumber > current.soaVersion.versionNumber && (
          <Text size="sm" c="dimmed">
            The client has recorded version {newest.versionNumber} since.
          </Text>
        )}
        {locked && (
          <Text size="sm" c="dimmed">
            The checklist was prepared from this version, so it no longer changes (Audit Desk rule):
            a newer SoA is audited at the next audit.
          </Text>
        )}
        {canChange && !locked && versions.data.length > 0 && (
          <Chooser auditId={auditId} versions={versions.data} audited={current} />
        )}
      </>
    );
  }

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Statement of Applicability audited
          </Title>
          <Anchor component={Link} to={soaTab} size="sm">
            Open the client’s SoA
          </Anchor>
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
