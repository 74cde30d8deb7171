import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { Link } from 'react-router';
import type { EvidenceProblem, EvidenceReference } from '../../../shared/data/schema';
import { auditTypeLabels, type AuditType } from '../../../shared/programme/vocabulary';
import { call, errorMessage } from '../../api';
import { formatInstant } from '../../format';

const problemLabels: Record<EvidenceProblem['problem'], string> = {
  missing: 'Missing',
  altered: 'Altered',
  unreadable: 'Unreadable',
};

const problemHelp: Record<EvidenceProblem['problem'], string> = {
  missing: 'There is no stored file with this fingerprint.',
  altered: 'The stored file no longer has the SHA-256 recorded when it was captured.',
  unreadable: 'The stored file is there but cannot be read.',
};

function auditLabel(ref: EvidenceReference): string {
  const type = ref.auditType ? (auditTypeLabels[ref.auditType as AuditType] ?? ref.auditType) : '';
  return [ref.clientName, [type, ref.auditStart].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(' · ');
}

/** Where the record behind a file lives, with a link to it. */
function RecordPlace({ record }: { record: EvidenceReference }) {
  if (record.kind === 'certification_body_logo') {
    return (
      <Anchor component={Link} to="/settings/certification-body" size="sm">
        Certification body settings
      </Anchor>
    );
  }
  const audit = auditLabel(record);
  const link = record.findingId
    ? {
        to: `/findings/${record.findingId}`,
        label: `finding on ${record.findingRequirement ?? ''}`,
      }
    : record.itemKey && record.auditId
      ? {
          to: `/audits/${record.auditId}/checklist?item=${encodeURIComponent(record.itemKey)}`,
          label: `checklist item ${record.itemKey}`,
        }
      : record.auditId
        ? {
            to:
              record.kind === 'audit_report'
                ? `/audits/${record.auditId}/report`
                : `/audits/${record.auditId}`,
            label: record.kind === 'audit_report' ? 'the audit report' : 'the audit',
          }
        : null;
  return (
    <Stack gap={0}>
      {audit && <Text size="sm">{audit}</Text>}
      {link && (
        <Anchor component={Link} to={link.to} size="sm">
          {link.label}
        </Anchor>
      )}
    </Stack>
  );
}

function ProblemRows({ problem }: { problem: EvidenceProblem }) {
  const records = problem.records;
  return (
    <>
      {records.map((record, i) => (
        <Table.Tr key={`${problem.sha256}-${record.kind}-${record.id}`}>
          <Table.Td>
            <Text size="sm" fw={500}>
              {record.name}
              {record.removed && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  (detached)
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              SHA-256 {problem.sha256.slice(0, 16)}…
            </Text>
          </Table.Td>
          <Table.Td>
            {i === 0 && (
              <Stack gap={2}>
                <Badge color={problem.problem === 'missing' ? 'red' : 'orange'} variant="light">
                  {problemLabels[problem.problem]}
                </Badge>
                <Text size="xs">{problemHelp[problem.problem]}</Text>
              </Stack>
            )}
          </Table.Td>
          <Table.Td>
            <RecordPlace record={record} />
          </Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}

/** Re-hashes every stored file the database refers to and shows the records behind any problem. */
export default function EvidenceCheckCard() {
  const check = useMutation({ mutationFn: () => call('verifyEvidenceFiles') });
  const report = check.data;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Evidence files
        </Title>
        <Text size="sm">
          Evidence files, the certification body’s logo and issued report PDFs are stored beside the
          database under their SHA-256 fingerprint. Verifying reads every file again and compares it
          with the fingerprint recorded when it was captured.
        </Text>
        <Group>
          <Button
            variant="default"
            leftSection={<ShieldCheck size={16} aria-hidden />}
            onClick={() => check.mutate()}
            loading={check.isPending}
          >
            Verify evidence files
          </Button>
          {check.isPending && (
            <Text size="sm" role="status">
              Reading every stored file…
            </Text>
          )}
        </Group>
        {check.isError && (
          <Alert color="red" role="alert">
            {errorMessage(check.error)}
          </Alert>
        )}
        {report && report.problems.length === 0 && (
          <Alert color="green" role="status" title="Every evidence file is intact">
            {report.filesChecked} stored {report.filesChecked === 1 ? 'file' : 'files'} checked on{' '}
            {formatInstant(report.checkedAt)}.
          </Alert>
        )}
        {report && report.problems.length > 0 && (
          <Stack gap="xs">
            <Alert color="red" role="alert" title="Some evidence files cannot be relied on">
              {report.problems.length} of {report.filesChecked} stored files are missing or altered.
              Restore a backup that holds them (each backup keeps its own copies), or attach the
              originals again.
            </Alert>
            <Table aria-label="Evidence file problems" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>File</Table.Th>
                  <Table.Th>Problem</Table.Th>
                  <Table.Th>Belongs to</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.map((p) => (
                  <ProblemRows key={p.sha256} problem={p} />
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
