import { Kbd, Table, Text } from '@mantine/core';
import AppModal from '../../ui/AppModal';

const rows = (readiness: boolean): [string[], string][] => [
  [['j'], 'Next item'],
  [['k'], 'Previous item'],
  [['Alt', '↓'], 'Next item (also while typing notes)'],
  [['Alt', '↑'], 'Previous item (also while typing notes)'],
  [[readiness ? '1 – 3' : '1 – 5'], 'Set the result (when not typing)'],
  [['Alt', readiness ? '1 – 3' : '1 – 5'], 'Set the result (anywhere)'],
  [['n'], 'Write notes on the item'],
  [['/'], 'Search'],
  [['f'], 'Raise a finding from the item'],
  [['↑', '↓'], 'Move through the list (when the list has the focus)'],
  [['?'], 'This list'],
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
          {rows(readiness).map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
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
