import { Badge, Button, Code, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { ReportRevision } from '../../../shared/reports/schema';
import { formatInstant } from '../../format';
import RenderProgress from './RenderProgress';
import { useReportDownload } from './useReport';

/** Every revision: who issued it, when, the PDF's fingerprint, why it exists, and its files. */
export default function RevisionHistory({
  auditId,
  revisions,
}: {
  auditId: string;
  revisions: ReportRevision[];
}) {
  const download = useReportDownload(auditId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-history-heading">
      <Title order={2} size="h4" id="report-history-heading" mb="xs">
        Revision history
      </Title>
      <RenderProgress
        pending={download.isPending}
        what={`Rendering revision ${download.variables?.revision ?? ''} as ${download.variables?.format === 'docx' ? 'DOCX' : 'PDF'}; a long report takes a few seconds…`}
      />
      {revisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No revision yet: the first change to the draft starts revision 1.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="report-revisions" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Revision</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Issued by</Table.Th>
                <Table.Th>Issued</Table.Th>
                <Table.Th>PDF SHA-256</Table.Th>
                <Table.Th>Change note</Table.Th>
                <Table.Th>Files</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {revisions.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.revision}</Table.Td>
                  <Table.Td>
                    <Badge color={r.state === 'issued' ? 'green' : 'gray'} variant="light">
                      {r.state === 'issued' ? 'Issued' : 'Draft'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.issuedByName ?? '—'}</Table.Td>
                  <Table.Td>{r.issuedAt ? formatInstant(r.issuedAt) : '—'}</Table.Td>
                  <Table.Td>
                    {r.pdfSha256 ? (
                      <Code
                        title={r.pdfSha256}
                        style={{ wordBreak: 'break-all' }}
                        data-testid={`revision-${r.revision}-sha256`}
                      >
                        {r.pdfSha256}
                      </Code>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.changeNote || '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`Download revision ${r.revision} as PDF`}
                        loading={
                          download.isPending &&
                          download.variables.format === 'pdf' &&
                          download.variables.revision === r.revision
                        }
                        onClick={() => download.mutate({ format: 'pdf', revision: r.revision })}
                      >
                        PDF
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        aria-label={`Download revision ${r.revision} as DOCX`}
                        loading={
                          download.isPending &&
                          download.variables.format === 'docx' &&
                          download.variables.revision === r.revision
                        }
                        onClick={() => download.mutate({ format: 'docx', revision: r.revision })}
                      >
                        DOCX
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
