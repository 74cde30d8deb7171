import { Alert, Badge, Button, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { FileText } from 'lucide-react';
import { Link } from 'react-router';
import { formatInstant } from '../../format';
import { errorMessage } from '../../api';
import { useAuditReport } from './useReport';

/** The audit report on the audit page: where it stands, and the way to it. */
export default function ReportSection({ auditId }: { auditId: string }) {
  const report = useAuditReport(auditId);
  const latest = report.data?.latest ?? null;
  const errors = report.data?.problems.filter((p) => p.severity === 'error').length ?? 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-section-heading">
      <Title order={2} size="h3" id="report-section-heading" mb="xs">
        Report
      </Title>
      {report.isPending ? (
        <Loader size="sm" aria-label="Loading the report" />
      ) : report.isError ? (
        <Alert color="red">{errorMessage(report.error)}</Alert>
      ) : (
        <Group justify="space-between" align="center">
          <Text size="sm" data-testid="report-summary">
            {!latest ? (
              'Not started. The report is assembled from this audit’s records; the lead auditor adds the conclusion and the recommendation, then signs and issues it.'
            ) : latest.state === 'issued' ? (
              <>
                <Badge color="green" variant="light" mr={6}>
                  Issued
                </Badge>
                Revision {latest.revision}, signed by {latest.issuedByName ?? '—'}
                {latest.issuedAt ? ` on ${formatInstant(latest.issuedAt)}` : ''}.
              </>
            ) : (
              <>
                <Badge color="gray" variant="light" mr={6}>
                  Draft
                </Badge>
                Revision {latest.revision}:{' '}
                {errors === 0
                  ? 'nothing blocks the issue.'
                  : `${errors} ${errors === 1 ? 'error blocks' : 'errors block'} the issue.`}
              </>
            )}
          </Text>
          <Button
            component={Link}
            to={`/audits/${auditId}/report`}
            leftSection={<FileText size={16} aria-hidden />}
          >
            Open report
          </Button>
        </Group>
      )}
    </Paper>
  );
}
