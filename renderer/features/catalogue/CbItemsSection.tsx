import {
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import type { Catalogue } from '../../../shared/iso42001/catalogue';
import type { CbItem } from '../../../shared/iso42001/cb-items';
import { call, errorMessage } from '../../api';
import CbItemModal from './CbItemModal';
import { stageLabels, useRefreshCatalogue } from './useCatalogue';

interface Props {
  catalogue: Catalogue;
  items: readonly CbItem[];
  canEdit: boolean;
}

/** null: closed; 'new': adding; an item: changing it. */
type Editing = null | 'new' | CbItem;

function parentLabel(catalogue: Catalogue, items: readonly CbItem[], id: string): string {
  const title =
    catalogue.items.find((i) => i.id === id)?.title ?? items.find((c) => c.id === id)?.title;
  return title ? `${id} ${title}` : id;
}

/** The CB's own items (e.g. sector questions): added, changed, retired and reactivated here. */
export default function CbItemsSection({ catalogue, items, canEdit }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const refresh = useRefreshCatalogue();
  const setActive = useMutation({
    mutationFn: (input: { id: string; active: boolean }) => call('setCbItemActive', input),
    onSuccess: async (item) => {
      notifications.show({
        color: 'green',
        message: item.active
          ? `${item.id} is back in the catalogue for new checklists.`
          : `${item.id} retired: new checklists leave it out; prepared checklists keep it.`,
      });
      await refresh();
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Your certification body’s items
        </Title>
        {canEdit && (
          <Button leftSection={<Plus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            Add an item
          </Button>
        )}
      </Group>
      <Text size="sm">
        Questions your certification body asks beyond the standard, e.g. for a sector such as health
        care. New checklists include the active items at the stages you choose. A checklist copies
        each item’s title and prompt when it is prepared, so changing or retiring an item never
        changes an audit already prepared.
      </Text>
      {!canEdit && (
        <Text size="sm" c="dimmed">
          An administrator or lead auditor adds and changes these items.
        </Text>
      )}
      {items.length === 0 ? (
        <Paper withBorder p="md" data-testid="cb-items-empty">
          <Text>
            No items of your own yet. Add one when your certification body wants every new checklist
            to ask something the standard does not spell out, such as a sector question under clause
            8.4 or Annex A control A.6.2.4.
          </Text>
        </Paper>
      ) : (
        <Table striped aria-label="Your certification body’s items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Id</Table.Th>
              <Table.Th>Title and prompt</Table.Th>
              <Table.Th>Belongs under</Table.Th>
              <Table.Th>Stages</Table.Th>
              <Table.Th w={100}>Status</Table.Th>
              {canEdit && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.id} c={item.active ? undefined : 'dimmed'}>
                <Table.Td>{item.id}</Table.Td>
                <Table.Td>
                  <Text fw={500}>{item.title}</Text>
                  <Text size="sm">{item.prompt}</Text>
                </Table.Td>
                <Table.Td>{parentLabel(catalogue, items, item.parent)}</Table.Td>
                <Table.Td>{item.stages.map((s) => stageLabels[s]).join(', ')}</Table.Td>
                <Table.Td>
                  {item.active ? (
                    <Badge color="green" variant="light">
                      Active
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      Retired
                    </Badge>
                  )}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={`Change ${item.id}`}
                        onClick={() => setEditing(item)}
                      >
                        Change
                      </Button>
                      <Button
                        size="xs"
                        variant="default"
                        loading={setActive.isPending && setActive.variables.id === item.id}
                        aria-label={`${item.active ? 'Retire' : 'Reactivate'} ${item.id}`}
                        onClick={() => setActive.mutate({ id: item.id, active: !item.active })}
                      >
                        {item.active ? 'Retire' : 'Reactivate'}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CbItemModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        item={editing === 'new' ? null : editing}
        catalogue={catalogue}
        cbItems={items}
      />
    </Stack>
  );
}
