import { Anchor, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { cbNameOrPlaceholder, longDate } from '../../../shared/reports/document';
import type { ReportData } from '../../../shared/reports/schema';
import { teamRoleLabels } from '../../../shared/programme/vocabulary';
import GradeBadge from '../nonconformities/GradeBadge';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** What the report takes from the audit's records, as it stands (or as issued). */
export default function ReportFacts({ data }: { data: ReportData }) {
  const findings = [...data.nonconformities, ...data.opportunities];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-facts-heading">
      <Title order={2} size="h4" id="report-facts-heading" mb="xs">
        From the audit’s records
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label="Certification body">{cbNameOrPlaceholder(data.certificationBodyName)}</Fact>
          <Fact label="Client">
            {data.client.legalName} ({data.client.reference})
          </Fact>
          <Fact label="Dates">
            {longDate(data.audit.startDate)} to {longDate(data.audit.endDate)}
          </Fact>
          <Fact label="Criteria">
            {data.standard}
            {data.soa
              ? `, SoA version ${data.soa.versionNumber} (${data.soa.documentReference})`
              : ''}
          </Fact>
          <Fact label="Sites visited">{data.sites.map((s) => s.name).join(', ')}</Fact>
          <Fact label="Audit team">
            {data.team
              .map((m) => `${m.name} (${teamRoleLabels[m.role].toLowerCase()})`)
              .join(', ') || '—'}
          </Fact>
          <Fact label="Checklist">
            {data.checklist
              ? `${data.checklist.answered} of ${data.checklist.total} items answered`
              : 'Not prepared'}
          </Fact>
          <Fact label="Areas of concern">
            {data.concerns.length === 0 ? 'None' : data.concerns.map((c) => c.key).join(', ')}
          </Fact>
        </SimpleGrid>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Findings in the report
          </Text>
          {findings.length === 0 ? (
            <Text size="sm">None.</Text>
          ) : (
            <List size="sm" spacing={4} listStyleType="none" aria-label="Findings in the report">
              {findings.map((f) => (
                <List.Item key={f.id}>
                  <Group gap="xs" wrap="nowrap" align="start">
                    <Anchor component={Link} to={`/findings/${f.id}`} size="sm" miw={56}>
                      {f.number}
                    </Anchor>
                    <GradeBadge grade={f.grade} />
                    <Text size="sm" lineClamp={2}>
                      {f.statement}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
