import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Plus, Trash2 } from 'lucide-react';
import CountrySelect from './CountrySelect';
import { emptySite, type ClientFormValues } from './clientFormValues';

type Form = UseFormReturnType<ClientFormValues>;

/** Sites in scope with their personnel; exactly one is the central function. */
export default function SitesFieldset({ form }: { form: Form }) {
  const listError = form.errors.sites;
  const setCentral = (index: number) => {
    form.setFieldValue(
      'sites',
      form.values.sites.map((s, i) => ({ ...s, isCentral: i === index })),
    );
    form.clearFieldError('sites');
  };
  return (
    <Fieldset legend="Sites">
      <Stack>
        {listError && (
          <Alert color="red" role="alert" data-field="sites">
            {listError}
          </Alert>
        )}
        {form.values.sites.map((site, i) => (
          <Fieldset
            key={site.id ?? `new-${i}`}
            legend={site.name || `Site ${i + 1}`}
            variant="filled"
            aria-label={`Site ${i + 1}`}
          >
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput
                label="Site name"
                withAsterisk
                {...form.getInputProps(`sites.${i}.name`)}
              />
              <TextInput label="Site address" {...form.getInputProps(`sites.${i}.address`)} />
              <CountrySelect
                label="Site country"
                withAsterisk
                {...form.getInputProps(`sites.${i}.country`)}
              />
              <NumberInput
                label="Full-time personnel"
                withAsterisk
                allowDecimal={false}
                {...form.getInputProps(`sites.${i}.fullTimePersonnel`)}
              />
              <NumberInput
                label="Part-time personnel"
                allowDecimal={false}
                {...form.getInputProps(`sites.${i}.partTimePersonnel`)}
              />
              <NumberInput
                label="Part-time average weekly hours"
                {...form.getInputProps(`sites.${i}.partTimeAverageHours`)}
              />
              <NumberInput
                label="Persons doing AI-related work"
                allowDecimal={false}
                {...form.getInputProps(`sites.${i}.aiPersonnel`)}
              />
            </SimpleGrid>
            <Group mt="sm" justify="space-between">
              <Checkbox
                label="Central function"
                checked={site.isCentral}
                onChange={(e) =>
                  e.currentTarget.checked
                    ? setCentral(i)
                    : form.setFieldValue(`sites.${i}.isCentral`, false)
                }
              />
              <Button
                variant="subtle"
                color="red"
                size="xs"
                leftSection={<Trash2 size={14} aria-hidden />}
                onClick={() => form.removeListItem('sites', i)}
                disabled={form.values.sites.length === 1}
              >
                Remove site {i + 1}
              </Button>
            </Group>
          </Fieldset>
        ))}
        <Button
          variant="light"
          leftSection={<Plus size={16} aria-hidden />}
          onClick={() => form.insertListItem('sites', emptySite(form.values.country, false))}
          w="fit-content"
        >
          Add site
        </Button>
      </Stack>
    </Fieldset>
  );
}
