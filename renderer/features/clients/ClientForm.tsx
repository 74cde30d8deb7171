import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { Plus, Trash2 } from 'lucide-react';
import {
  aiRoleLabels,
  aiRoles,
  clientInputSchema,
  clientStatuses,
} from '../../../shared/clients/schema';
import { useSavedForm } from '../../ui/useSavedForm';
import { schemaErrors } from '../../forms';
import ContactsFieldset from './ContactsFieldset';
import CountrySelect from './CountrySelect';
import SitesFieldset from './SitesFieldset';
import { statusLabels } from './StatusBadge';
import { valuesToInput, type ClientFormValues } from './clientFormValues';

interface Props {
  draftKey: string;
  initialValues: ClientFormValues;
  suggestedReference?: string | undefined;
  submitLabel: string;
  onSubmit: (values: ClientFormValues) => Promise<void>;
  onCancel: () => void;
}

/**
 * Create/edit form for a client. Checks with the contract's schema before saving, shows every
 * message at its field, keeps a draft until saved, and asks before leaving with unsaved changes.
 */
export default function ClientForm(props: Props) {
  const form = useForm<ClientFormValues>({
    mode: 'controlled',
    initialValues: props.initialValues,
  });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: props.draftKey,
    check: (values) => schemaErrors(clientInputSchema, valuesToInput(values)),
    save: props.onSubmit,
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {notices}
        <Fieldset legend="Organisation">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label="Legal name" withAsterisk {...form.getInputProps('legalName')} />
            <TextInput label="Trading name" {...form.getInputProps('tradingName')} />
            <TextInput
              label="Client reference"
              description={
                props.suggestedReference
                  ? `Leave blank to use ${props.suggestedReference}`
                  : undefined
              }
              {...form.getInputProps('reference')}
            />
            <Select
              label="Status"
              data={clientStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <CountrySelect label="Country" withAsterisk {...form.getInputProps('country')} />
            <TextInput label="Address" {...form.getInputProps('address')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="AI management system">
          <Stack>
            <Textarea
              label="Proposed scope of certification"
              autosize
              minRows={2}
              {...form.getInputProps('scope')}
            />
            <Checkbox.Group label="AI roles" {...form.getInputProps('aiRoles')}>
              <Group mt="xs">
                {aiRoles.map((r) => (
                  <Checkbox key={r} value={r} label={aiRoleLabels[r]} />
                ))}
              </Group>
            </Checkbox.Group>
            <NumberInput
              label="AI systems in scope"
              allowDecimal={false}
              w={200}
              {...form.getInputProps('aiSystemCount')}
            />
            <Text size="sm" fw={500}>
              Other certified management systems
            </Text>
            {form.values.otherCertifications.map((_, i) => (
              <Group key={i} align="end">
                <TextInput
                  label="Standard"
                  placeholder="ISO/IEC 27001"
                  {...form.getInputProps(`otherCertifications.${i}.standard`)}
                />
                <TextInput
                  label="Certificate number"
                  {...form.getInputProps(`otherCertifications.${i}.certificateNumber`)}
                />
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={`Remove certification ${i + 1}`}
                  onClick={() => form.removeListItem('otherCertifications', i)}
                >
                  <Trash2 size={16} aria-hidden />
                </Button>
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              leftSection={<Plus size={14} aria-hidden />}
              onClick={() =>
                form.insertListItem('otherCertifications', {
                  standard: 'ISO/IEC 27001',
                  certificateNumber: '',
                })
              }
            >
              Add certification
            </Button>
          </Stack>
        </Fieldset>
        <ContactsFieldset form={form} />
        <SitesFieldset form={form} />
        <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
        <Group>
          <Button type="submit" loading={saving}>
            {props.submitLabel}
          </Button>
          <Button variant="default" onClick={props.onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
      {guard}
    </form>
  );
}
