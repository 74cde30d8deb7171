import { Kbd, Table, Text } from '@mantine/core';
import AppModal from '../../ui/AppModal';

/** Keys pressed together are joined by "+", alternatives by "/". */
interface Row {
  keys: string[];
  what: string;
  alternatives?: boolean;
}

const rows = (readiness: boolean): Row[] => [
  { keys: ['j'], what: 'Next item' },
  { keys: ['k'], what: 'Previous item' },
  { keys: ['Alt', '↓'], what: 'Next item (also while typing notes)' },
  { keys: ['Alt', '↑'], what: 'Previous item (also while typing notes)' },
  { keys: [readiness ? '1 – 3' : '1 – 5'], what: 'Set the result (when not typing)' },
  { keys: ['Alt', readiness ? '1 – 3' : '1 – 5'], what: 'Set the result (anywhere)' },
  { keys: ['n'], what: 'Write notes on the item' },
  { keys: ['/'], what: 'Search' },
  // A Stage 1 raises no findings (ISO/IEC 17021-1 9.3.1.2): concerns are marked instead.
  ...(readiness ? [] : [{ keys: ['f'], what: 'Raise a finding from the item' }]),
  {
    keys: ['↑', '↓'],
    what: 'Previous or next item (when the list has the focus)',
    alternatives: true,
  },
  {
    keys: ['Home', 'End'],
    what: 'First or last item (when the list has the focus)',
    alternatives: true,
  },
  { keys: ['?'], what: 'This list' },
];

/** The keyboard shortcuts of the checklist screen (opened with ?). */
export default function ShortcutsHelp({
  opened,
  onClose,
  readiness,
}: {
  opened: boolean;
  onClose: () => void;
  readiness: boolean;
}) {
  return (
    <AppModal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table aria-label="Keyboard shortcuts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Keys</Table.Th>
            <Table.Th>What they do</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows(readiness).map(({ keys, what, alternatives }) => (
            <Table.Tr key={what}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && (alternatives ? ' / ' : ' + ')}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="sm">
        Everything is saved as you go; there is no save button.
      </Text>
    </AppModal>
  );
}
