import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { FindingRow } from '../../../shared/findings/schema';
import { auditTypeLabels, type AuditType } from '../../../shared/programme/vocabulary';
import FindingStateBadge from './FindingStateBadge';
import GradeBadge from './GradeBadge';

/** A short list of findings (one client's or one audit's) with their due dates and links. */
export default function FindingTable({
  rows,
  label,
  showAudit = false,
}: {
  rows: FindingRow[];
  label: string;
  showAudit?: boolean;
}) {
  return (
    <Table aria-label={label} data-testid="finding-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Requirement</Table.Th>
          <Table.Th>Grade</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Response due</Table.Th>
          <Table.Th>Verification due</Table.Th>
          {showAudit && <Table.Th>Audit</Table.Th>}
          <Table.Th>Statement</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id} data-finding={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/findings/${r.id}`} size="sm">
                {r.requirementRef}
              </Anchor>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <GradeBadge grade={r.grade} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <FindingStateBadge state={r.state} />
              {r.overdue && (
                <Badge color="red" variant="light" ml={4}>
                  Overdue
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.responseDue ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.verificationDue ?? '—'}</Table.Td>
            {showAudit && (
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/audits/${r.auditId}`} size="sm">
                  {auditTypeLabels[r.auditType as AuditType] ?? r.auditType}
                </Anchor>
                <Text size="xs" c="dimmed">
                  raised {r.raisedOn}
                </Text>
              </Table.Td>
            )}
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {r.statement}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
