import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Plus, Trash2 } from 'lucide-react';
import { emptyContact, type ClientFormValues } from './clientFormValues';

type Form = UseFormReturnType<ClientFormValues>;

/** Contacts at the client; one is the primary contact. */
export default function ContactsFieldset({ form }: { form: Form }) {
  const listError = form.errors.contacts;
  const setPrimary = (index: number) => {
    form.setFieldValue(
      'contacts',
      form.values.contacts.map((c, i) => ({ ...c, primary: i === index })),
    );
    form.clearFieldError('contacts');
  };
  return (
    <Fieldset legend="Contacts">
      <Stack>
        {listError && (
          <Alert color="red" role="alert" data-field="contacts">
            {listError}
          </Alert>
        )}
        {form.values.contacts.map((contact, i) => (
          <Fieldset
            key={contact.id ?? `new-${i}`}
            legend={contact.name || `Contact ${i + 1}`}
            variant="filled"
          >
            <SimpleGrid cols={{ base: 1, md: 4 }}>
              <TextInput
                label="Contact name"
                withAsterisk
                {...form.getInputProps(`contacts.${i}.name`)}
              />
              <TextInput label="Contact role" {...form.getInputProps(`contacts.${i}.role`)} />
              <TextInput
                label="Contact email"
                withAsterisk
                type="email"
                {...form.getInputProps(`contacts.${i}.email`)}
              />
              <TextInput label="Contact phone" {...form.getInputProps(`contacts.${i}.phone`)} />
            </SimpleGrid>
            <Group mt="sm" justify="space-between">
              <Checkbox
                label="Primary contact"
                checked={contact.primary}
                onChange={(e) =>
                  e.currentTarget.checked
                    ? setPrimary(i)
                    : form.setFieldValue(`contacts.${i}.primary`, false)
                }
              />
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<Trash2 size={14} aria-hidden />}
                onClick={() => form.removeListItem('contacts', i)}
                disabled={form.values.contacts.length === 1}
              >
                Remove contact {i + 1}
              </Button>
            </Group>
          </Fieldset>
        ))}
        <Button
          variant="light"
          leftSection={<Plus size={16} aria-hidden />}
          onClick={() => form.insertListItem('contacts', emptyContact(false))}
          w="fit-content"
        >
          Add contact
        </Button>
      </Stack>
    </Fieldset>
  );
}
