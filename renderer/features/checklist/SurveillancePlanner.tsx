import { Alert, Button, Checkbox, Fieldset, Group, Stack, Text, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ListPlus, Save, TriangleAlert } from 'lucide-react';
import { itemName } from '../../../shared/checklists/item-label';
import type { Checklist, CycleCoverage } from '../../../shared/checklists/schema';
import { errorMessage } from '../../api';
import { useSavedForm } from '../../ui/useSavedForm';
import {
  groupLabels,
  isAnswered,
  useCycleCoverage,
  useSaveSurveillanceSelection,
  type ItemOf,
} from './useChecklistPlanning';

interface Props {
  auditId: string;
  checklist: Checklist;
}

interface SelectionValues {
  itemIds: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Items grouped as the checklist lists its groups; a group it does not list comes last. */
function grouped(checklist: Checklist): { key: string; items: ItemOf[] }[] {
  const keys = [...checklist.groups.map((g) => g.key)];
  for (const item of checklist.items) if (!keys.includes(item.groupKey)) keys.push(item.groupKey);
  return keys
    .map((key) => ({ key, items: checklist.items.filter((i) => i.groupKey === key) }))
    .filter((g) => g.items.length > 0);
}

/**
 * Item keys no surveillance audit of the cycle would cover if this selection were saved: the other
 * surveillance audits' cells as recorded, this audit's as chosen on screen.
 */
function uncoveredWith(
  coverage: CycleCoverage,
  auditId: string,
  selectedKeys: ReadonlySet<string>,
): string[] {
  const thisIsSurveillance = coverage.audits.some(
    (a) => a.auditId === auditId && a.type === 'surveillance',
  );
  const others = coverage.audits.filter((a) => a.type === 'surveillance' && a.auditId !== auditId);
  return coverage.rows
    .filter(
      (row) =>
        !others.some((a) => (row.cells[a.auditId] ?? 'absent') !== 'absent') &&
        !(thisIsSurveillance && selectedKeys.has(row.itemKey)),
    )
    .map((row) => row.itemKey);
}

function ItemCheckbox({
  item,
  form,
  canPlan,
  savedSelected,
  uncovered,
}: {
  item: ItemOf;
  form: UseFormReturnType<SelectionValues>;
  canPlan: boolean;
  savedSelected: boolean;
  uncovered: boolean;
}) {
  const chosen = form.values.itemIds.includes(item.id);
  const locked = item.mandatory
    ? 'mandatory'
    : isAnswered(item) && savedSelected
      ? 'answered'
      : null;
  const notes = [
    locked === 'mandatory' ? 'Always included in a surveillance.' : '',
    locked === 'answered' ? 'Already answered in this audit, so it stays selected.' : '',
    uncovered ? 'Not covered by any surveillance audit of this cycle yet.' : '',
  ].filter(Boolean);
  return (
    <Checkbox
      label={itemName(item)}
      description={notes.join(' ') || undefined}
      checked={item.mandatory || chosen}
      disabled={!canPlan || locked !== null}
      data-testid={`select-${item.itemKey}`}
      onChange={(e) => {
        const on = e.currentTarget.checked;
        form.setFieldValue(
          'itemIds',
          on
            ? [...form.values.itemIds, item.id]
            : form.values.itemIds.filter((id) => id !== item.id),
        );
      }}
    />
  );
}

/**
 * Choosing what a surveillance (or special) audit looks at. Some items are always included; the
 * rest the lead auditor chooses so that, over the cycle, every item is covered before
 * recertification (an Audit Desk rule). What the choice leaves uncovered is shown as it is made.
 */
export default function SurveillancePlanner({ auditId, checklist }: Props) {
  const coverage = useCycleCoverage(auditId, checklist);
  const save = useSaveSurveillanceSelection(auditId);
  const savedIds = checklist.items.filter((i) => i.selected || i.mandatory).map((i) => i.id);
  const form = useForm<SelectionValues>({
    mode: 'controlled',
    initialValues: { itemIds: savedIds },
  });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: `surveillance-selection:${auditId}`,
    check: () => ({}),
    // The server's refusals name the chosen items (itemIds); the banner above the buttons says them.
    toFormErrors: (errors) => ({ itemIds: Object.values(errors).join(' ') }),
    save: async (values) => {
      const saved = await save(values.itemIds);
      const ids = saved.items.filter((i) => i.selected || i.mandatory).map((i) => i.id);
      form.setInitialValues({ itemIds: ids });
      form.setValues({ itemIds: ids });
      form.resetDirty({ itemIds: ids });
      notifications.show({
        color: 'green',
        message: `Selection saved: ${plural(ids.length, 'item', 'items')} in this audit.`,
      });
    },
  });

  const chosen = new Set(form.values.itemIds);
  const selectedKeys = new Set(
    checklist.items.filter((i) => i.mandatory || chosen.has(i.id)).map((i) => i.itemKey),
  );
  const mandatory = checklist.items.filter((i) => i.mandatory).length;
  const uncovered = coverage.data ? uncoveredWith(coverage.data, auditId, selectedKeys) : [];
  const uncoveredSet = new Set(uncovered);
  const toAdd = checklist.items.filter(
    (i) => !i.mandatory && !chosen.has(i.id) && uncoveredSet.has(i.itemKey),
  );
  const title = groupLabels(checklist);
  const dirty = form.isDirty();
  const cycle = coverage.data ? `cycle ${coverage.data.cycleNumber}` : 'this cycle';

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Surveillance selection">
      <Stack>
        <Title order={2} size="h3">
          Items for this audit
        </Title>
        <Text size="sm">
          Always included: internal audit, management review, nonconformity follow-up, changes,
          complaints and use of certification marks (what every surveillance looks at, ISO/IEC
          17021-1 9.6.2.2). Audit Desk rule: the surveillance audits of a cycle together cover every
          clause item, applicable Annex A control and CB item at least once before recertification.
        </Text>
        {coverage.isError && (
          <Alert color="red" role="alert">
            The coverage of the cycle could not be read: {errorMessage(coverage.error)}
          </Alert>
        )}
        {coverage.data?.warning && (
          <Alert
            color="yellow"
            role="alert"
            title={`Items left uncovered in ${cycle}`}
            icon={<TriangleAlert size={18} aria-hidden />}
            data-testid="coverage-warning"
          >
            {coverage.data.warning}
          </Alert>
        )}
        <Text data-testid="selection-counts">
          {selectedKeys.size} of {plural(checklist.items.length, 'item', 'items')} selected (
          {mandatory} always included).{' '}
          {coverage.data
            ? uncovered.length === 0
              ? `With this selection every item is covered or planned in ${cycle}.`
              : `With this selection, ${plural(uncovered.length, 'item is', 'items are')} covered by no surveillance audit of ${cycle}.`
            : ''}
          {dirty ? ' The selection is not saved yet.' : ''}
        </Text>
        {notices}
        {checklist.canPlan ? (
          <Group>
            <Button
              variant="default"
              leftSection={<ListPlus size={16} aria-hidden />}
              disabled={toAdd.length === 0}
              onClick={() =>
                form.setFieldValue('itemIds', [...form.values.itemIds, ...toAdd.map((i) => i.id)])
              }
            >
              Select items not yet covered in this cycle
            </Button>
            <Button type="submit" loading={saving} leftSection={<Save size={16} aria-hidden />}>
              Save selection
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            The audit&apos;s lead auditor, a scheduler or an administrator chooses the items.
          </Text>
        )}
        {grouped(checklist).map((group) => (
          <Fieldset
            key={group.key}
            legend={`${title(group.key)} (${group.items.filter((i) => selectedKeys.has(i.itemKey)).length} of ${group.items.length} selected)`}
          >
            <Stack gap="xs">
              {group.items.map((item) => (
                <ItemCheckbox
                  key={item.id}
                  item={item}
                  form={form}
                  canPlan={checklist.canPlan}
                  savedSelected={item.selected}
                  uncovered={uncoveredSet.has(item.itemKey)}
                />
              ))}
            </Stack>
          </Fieldset>
        ))}
      </Stack>
      {guard}
    </form>
  );
}
