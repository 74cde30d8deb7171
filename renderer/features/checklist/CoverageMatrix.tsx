import {
  Alert,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { CalendarClock, CircleCheck, CircleMinus, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { Checklist, CoverageRow, CycleCoverage } from '../../../shared/checklists/schema';
import { auditStateLabels, type AuditState } from '../../../shared/programme/vocabulary';
import { errorMessage } from '../../api';
import { groupLabels, useCycleCoverage } from './useChecklistPlanning';

interface Props {
  auditId: string;
  checklist: Checklist;
}

type Cell = CoverageRow['cells'][string];

const cellLooks: Record<Cell, { text: string; color: string; Icon: typeof CircleCheck }> = {
  covered: { text: 'Covered', color: 'var(--mantine-color-green-8)', Icon: CircleCheck },
  planned: { text: 'Planned', color: 'var(--mantine-color-blue-8)', Icon: CalendarClock },
  absent: { text: 'Not covered', color: 'var(--mantine-color-gray-7)', Icon: CircleMinus },
};

/** The colour is on the icon only; the word says it in the text colour (WCAG contrast). */
function CellMark({ cell }: { cell: Cell }) {
  const { text, color, Icon } = cellLooks[cell];
  return (
    <Group gap={4} wrap="nowrap">
      <Icon size={16} color={color} aria-hidden />
      <Text size="sm" fw={cell === 'absent' ? 400 : 600}>
        {text}
      </Text>
    </Group>
  );
}

function Legend() {
  return (
    <Group gap="lg" aria-label="Legend" role="group">
      <Group gap={6}>
        <CellMark cell="covered" />
        <Text size="sm">answered in that audit</Text>
      </Group>
      <Group gap={6}>
        <CellMark cell="planned" />
        <Text size="sm">selected, not answered yet</Text>
      </Group>
      <Group gap={6}>
        <CellMark cell="absent" />
        <Text size="sm">not in that audit, or not audited</Text>
      </Group>
    </Group>
  );
}

/** Rows in their order, one header row before each group's first row. */
function groupedRows(rows: readonly CoverageRow[]): { key: string; rows: CoverageRow[] }[] {
  const out: { key: string; rows: CoverageRow[] }[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last.key === row.groupKey) last.rows.push(row);
    else out.push({ key: row.groupKey, rows: [row] });
  }
  return out;
}

function MatrixTable({
  coverage,
  auditId,
  rows,
  groupLabel,
}: {
  coverage: CycleCoverage;
  auditId: string;
  rows: readonly CoverageRow[];
  groupLabel: (key: string) => string;
}) {
  const columns = coverage.audits.length + 2;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table
        aria-label={`Coverage of cycle ${coverage.cycleNumber}`}
        verticalSpacing={4}
        data-testid="coverage-matrix"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            {coverage.audits.map((a) => (
              <Table.Th key={a.auditId} scope="col">
                {a.label}
                <Text size="xs" c="dimmed" fw={400}>
                  Audit state: {auditStateLabels[a.state as AuditState] ?? a.state}
                  {a.auditId === auditId ? ' · this audit' : ''}
                </Text>
                {!a.itemsAudited && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {a.type === 'stage1'
                      ? 'Readiness review, not item by item'
                      : 'No checklist prepared in Audit Desk'}
                  </Text>
                )}
              </Table.Th>
            ))}
            <Table.Th scope="col">Surveillance audits of the cycle</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {groupedRows(rows).map((group) => (
          <Table.Tbody key={group.key}>
            <Table.Tr>
              <Table.Th colSpan={columns} scope="colgroup">
                {groupLabel(group.key)}
              </Table.Th>
            </Table.Tr>
            {group.rows.map((row) => (
              <Table.Tr
                key={row.itemKey}
                data-testid={`coverage-row-${row.itemKey}`}
                bg={row.coveredInCycle ? undefined : 'var(--mantine-color-yellow-light)'}
              >
                <Table.Th scope="row" fw={400}>
                  {row.itemKey} {row.title}
                </Table.Th>
                {coverage.audits.map((a) => (
                  <Table.Td key={a.auditId}>
                    {a.itemsAudited ? (
                      <CellMark cell={row.cells[a.auditId] ?? 'absent'} />
                    ) : (
                      // Without an item checklist, the audit says nothing about this item.
                      <Text size="sm" c="dimmed">
                        <span aria-hidden>—</span>
                        <VisuallyHidden>No item checklist</VisuallyHidden>
                      </Text>
                    )}
                  </Table.Td>
                ))}
                <Table.Td>
                  {row.coveredInCycle ? (
                    <Group gap={4} wrap="nowrap">
                      <CircleCheck size={16} color={cellLooks.covered.color} aria-hidden />
                      <Text size="sm">Covered or planned</Text>
                    </Group>
                  ) : (
                    <Group gap={4} wrap="nowrap">
                      <TriangleAlert size={16} aria-hidden />
                      <Text size="sm" fw={600}>
                        Not covered in this cycle
                      </Text>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Which items each audit of the certification cycle covered or plans to cover, so the lead auditor
 * can see what the surveillance audits still have to look at before recertification (an Audit
 * Desk rule). Stage 2 and recertification columns are for information.
 */
export default function CoverageMatrix({ auditId, checklist }: Props) {
  const coverage = useCycleCoverage(auditId, checklist);
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const groupLabel = groupLabels(checklist);

  const heading = (
    <Title order={2} size="h3" id="coverage-heading">
      Coverage of the certification cycle
    </Title>
  );
  if (coverage.isPending) {
    return (
      <Stack component="section" aria-labelledby="coverage-heading">
        {heading}
        <Loader aria-label="Loading the coverage of the cycle" />
      </Stack>
    );
  }
  if (coverage.isError) {
    return (
      <Stack component="section" aria-labelledby="coverage-heading">
        {heading}
        <Alert color="red" role="alert">
          The coverage of the cycle could not be read: {errorMessage(coverage.error)}
        </Alert>
      </Stack>
    );
  }
  const data = coverage.data;
  const covered = data.rows.filter((r) => r.coveredInCycle).length;
  const rows = onlyUncovered ? data.rows.filter((r) => !r.coveredInCycle) : data.rows;

  return (
    <Stack component="section" aria-labelledby="coverage-heading">
      {heading}
      <Text fw={600} data-testid="coverage-summary">
        {covered} of {data.rows.length} items covered or planned by the surveillance audits of cycle{' '}
        {data.cycleNumber}.
      </Text>
      <Text size="sm" c="dimmed">
        Audit Desk rule: the surveillance audits of a cycle together cover every clause item,
        applicable Annex A control and CB item at least once before recertification. Other audits of
        the cycle are shown for information.
      </Text>
      {data.warning && (
        <Alert color="yellow" icon={<TriangleAlert size={18} aria-hidden />}>
          {data.warning}
        </Alert>
      )}
      <Legend />
      <Switch
        label="Show only items not covered in this cycle"
        checked={onlyUncovered}
        onChange={(e) => setOnlyUncovered(e.currentTarget.checked)}
      />
      {data.rows.length === 0 ? (
        <Text c="dimmed">
          No checklist of this cycle has been prepared yet: prepare one to see what it covers.
        </Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed">Every item is covered or planned in this cycle.</Text>
      ) : (
        <MatrixTable coverage={data} auditId={auditId} rows={rows} groupLabel={groupLabel} />
      )}
    </Stack>
  );
}
