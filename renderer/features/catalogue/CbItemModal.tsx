import {
  Button,
  Checkbox,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Catalogue, CatalogueItemKind } from '../../../shared/iso42001/catalogue';
import { cbItemSchema, type CbItem, type CbItemInput } from '../../../shared/iso42001/cb-items';
import { call } from '../../api';
import { schemaErrors } from '../../forms';
import AppModal from '../../ui/AppModal';
import { useSavedForm } from '../../ui/useSavedForm';
import { stageLabels, useRefreshCatalogue } from './useCatalogue';

interface Props {
  /** The item to change; null to add one. */
  item: CbItem | null;
  opened: boolean;
  onClose: () => void;
  catalogue: Catalogue;
  cbItems: readonly CbItem[];
}

const blank: CbItemInput = {
  id: '',
  kind: 'clause',
  title: '',
  parent: '',
  stages: [],
  prompt: '',
};

function valuesOf(item: CbItem | null): CbItemInput {
  if (!item) return blank;
  const { id, kind, title, parent, stages, prompt } = item;
  return { id, kind, title, parent, stages: [...stages], prompt };
}

/**
 * Where an item may go: any shipped item, or an active CB item added before it (the service
 * refuses anything else, so the list does not offer it).
 */
function parentOptions(catalogue: Catalogue, cbItems: readonly CbItem[], item: CbItem | null) {
  const option = (i: { id: string; title: string }) => ({
    value: i.id,
    label: `${i.id} ${i.title}`,
  });
  const standard = catalogue.items.filter((i) => i.source === 'standard');
  const own = cbItems.filter(
    (c) => c.active && (!item || (c.id !== item.id && c.position < item.position)),
  );
  const groups = [
    { group: 'Clauses 4 to 10', items: standard.filter((i) => i.kind === 'clause').map(option) },
    { group: 'Annex A', items: standard.filter((i) => i.kind === 'control').map(option) },
  ];
  return own.length > 0
    ? [...groups, { group: 'Your certification body’s items', items: own.map(option) }]
    : groups;
}

function kindOf(
  id: string,
  catalogue: Catalogue,
  cbItems: readonly CbItem[],
): CatalogueItemKind | null {
  return (
    catalogue.items.find((i) => i.id === id)?.kind ?? cbItems.find((c) => c.id === id)?.kind ?? null
  );
}

function CbItemForm({ item, onClose, catalogue, cbItems }: Omit<Props, 'opened'>) {
  const refresh = useRefreshCatalogue();
  const form = useForm<CbItemInput>({ mode: 'controlled', initialValues: valuesOf(item) });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: item ? `cb-item:${item.id}` : 'cb-item:new',
    check: (values) => schemaErrors(cbItemSchema, values),
    save: async (values) => {
      const saved = item ? await call('updateCbItem', values) : await call('createCbItem', values);
      notifications.show({
        color: 'green',
        message: item ? `${saved.id} saved.` : `${saved.id} added to the catalogue.`,
      });
      await refresh();
      onClose();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={item ? `Change ${item.id}` : 'Add an item'}>
      <Stack>
        {notices}
        <TextInput
          label="Id"
          description={
            item
              ? 'The id stays: checklists refer to it.'
              : 'Starts with CB., e.g. CB.HEALTH.1. It cannot change later.'
          }
          withAsterisk
          disabled={item !== null}
          {...form.getInputProps('id')}
        />
        <Select
          label="Belongs under"
          description="The clause, control or item of yours it sits under in the checklist."
          placeholder="Type to search, e.g. 8.4 or A.6"
          searchable
          withAsterisk
          nothingFoundMessage="No catalogue item matches"
          data={parentOptions(catalogue, cbItems, item)}
          value={form.values.parent === '' ? null : form.values.parent}
          onChange={(value) => {
            form.setFieldValue('parent', value ?? '');
            const kind = value ? kindOf(value, catalogue, cbItems) : null;
            if (kind) form.setFieldValue('kind', kind);
          }}
          error={form.errors.parent}
        />
        <Radio.Group
          label="Kind"
          description="Follows the item it sits under (Audit Desk rule)."
          withAsterisk
          {...form.getInputProps('kind')}
        >
          <Group mt="xs">
            <Radio value="clause" label="Clause item" />
            <Radio value="control" label="Annex A control item" />
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label="Stages"
          description="Stage 1 items join the readiness review; Stage 2 items are audited for conformity."
          withAsterisk
          {...form.getInputProps('stages')}
        >
          <Group mt="xs">
            {(['stage1', 'stage2'] as const).map((s) => (
              <Checkbox key={s} value={s} label={stageLabels[s]} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput label="Title" withAsterisk {...form.getInputProps('title')} />
        <Textarea
          label="Prompt"
          description="The question the auditor asks or what they look for."
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('prompt')}
        />
        <Text size="sm" c="dimmed">
          A checklist copies the title and prompt when it is prepared: saving changes new checklists
          only, never an audit already prepared.
        </Text>
        <Group justify="end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {item ? 'Save changes' : 'Add item'}
          </Button>
        </Group>
      </Stack>
      {guard}
    </form>
  );
}

/** Add or change one of the CB's own items; what is typed is kept as a draft until saved. */
export default function CbItemModal({ opened, ...props }: Props) {
  return (
    <AppModal
      opened={opened}
      onClose={props.onClose}
      title={props.item ? `Change ${props.item.id}` : 'Add an item of your own'}
      size="lg"
    >
      <CbItemForm key={props.item?.id ?? 'new'} {...props} />
    </AppModal>
  );
}
