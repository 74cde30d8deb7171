import { Button, Fieldset, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Save } from 'lucide-react';
import { annexAControls, annexAGroups } from '../../../shared/iso42001/catalogue';
import { saveSoaSchema, type SaveSoaInput, type SoaVersion } from '../../../shared/soa/schema';
import { call } from '../../api';
import { schemaErrors } from '../../forms';
import { useSavedForm } from '../../ui/useSavedForm';
import { clientsKey } from '../clients/useClients';
import SoaControlRow from './SoaControlRow';
import { soaToValues, type SoaFormValues } from './soaFormValues';
import { soaKey } from './useSoa';

interface Props {
  clientId: string;
  current: SoaVersion | null;
  canEdit: boolean;
}

const controls = annexAControls();
const groups = annexAGroups();

function toInput(clientId: string, basedOn: string | null, values: SoaFormValues): SaveSoaInput {
  return { clientId, basedOnVersionId: basedOn, ...values };
}

/**
 * The next version of the client's SoA, starting from the current one. Checked with the contract's
 * schema before saving; every message shows at its field, a draft is kept until saved.
 */
export default function SoaForm({ clientId, current, canEdit }: Props) {
  const queryClient = useQueryClient();
  const basedOn = current?.id ?? null;
  const form = useForm<SoaFormValues>({ mode: 'controlled', initialValues: soaToValues(current) });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: `soa:${clientId}`,
    check: (values) => schemaErrors(saveSoaSchema, toInput(clientId, basedOn, values)),
    save: async (values) => {
      const saved = await call('saveSoaVersion', toInput(clientId, basedOn, values));
      notifications.show({
        color: 'green',
        message: `Statement of Applicability version ${saved.versionNumber} recorded.`,
      });
      await queryClient.invalidateQueries({ queryKey: soaKey });
      await queryClient.invalidateQueries({ queryKey: clientsKey });
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Statement of Applicability">
      <Stack>
        {notices}
        {!canEdit && (
          <Text c="dimmed">
            A scheduler, lead auditor or administrator records the client&apos;s Statement of
            Applicability.
          </Text>
        )}
        <Fieldset legend="Client's SoA document" disabled={!canEdit}>
          <TextInput
            label="Document id and version"
            description="As the client identifies its Statement of Applicability, e.g. AIMS-SOA-01 v3."
            withAsterisk
            maw={420}
            {...form.getInputProps('documentReference')}
          />
        </Fieldset>
        <Fieldset legend="Annex A controls" disabled={!canEdit}>
          <Table aria-label="Annex A controls" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Annex A control</Table.Th>
                <Table.Th>Applicability</Table.Th>
                <Table.Th>Implementation status</Table.Th>
                <Table.Th>Justification</Table.Th>
                <Table.Th>Document reference</Table.Th>
              </Table.Tr>
            </Table.Thead>
            {groups.map((g) => (
              <Table.Tbody key={g.id}>
                <Table.Tr>
                  <Table.Th colSpan={5} scope="colgroup">
                    {g.id} {g.title}
                  </Table.Th>
                </Table.Tr>
                {form.values.controls.map((row, index) => {
                  const control = controls.find((c) => c.id === row.controlId);
                  if (!control || control.group !== g.id) return null;
                  return (
                    <SoaControlRow
                      key={row.controlId}
                      form={form}
                      index={index}
                      control={control}
                    />
                  );
                })}
              </Table.Tbody>
            ))}
          </Table>
        </Fieldset>
        {canEdit && (
          <Group>
            <Button type="submit" loading={saving} leftSection={<Save size={16} aria-hidden />}>
              Save as new version
            </Button>
            <Text size="sm" c="dimmed">
              {current
                ? `Saving records version ${current.versionNumber + 1}; version ${current.versionNumber} stays readable.`
                : 'Saving records version 1.'}
            </Text>
          </Group>
        )}
      </Stack>
      {guard}
    </form>
  );
}
