import { Badge, Checkbox, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { Client } from '../../../shared/clients/schema';
import { countryName } from '../../../shared/countries';
import type { AuditFormValues } from './auditFormValues';

interface Props {
  form: UseFormReturnType<AuditFormValues>;
  client: Client;
  sampleSize: number | null;
}

/** Which of the client's sites the audit visits: the central function and the multi-site sample. */
export default function SitesFieldset({ form, client, sampleSize }: Props) {
  const chosen = form.getValues().siteIds;
  const others = client.sites.filter((s) => !s.isCentral && chosen.includes(s.id)).length;
  return (
    <Fieldset legend="Sites to visit">
      <Stack gap="xs">
        <Checkbox.Group
          label="Sites"
          description={
            sampleSize === null
              ? 'The central function is visited at every Stage 1, Stage 2, surveillance and recertification audit (IAF MD 1).'
              : `The audit-time sample: the central function and ${sampleSize} other site(s) (IAF MD 1). You chose ${others}.`
          }
          withAsterisk
          {...form.getInputProps('siteIds')}
        >
          <Stack gap={6} mt="xs">
            {client.sites.map((site) => (
              <Checkbox
                key={site.id}
                value={site.id}
                label={
                  <Group gap={6}>
                    <Text size="sm">
                      {site.name} · {countryName(site.country)}
                    </Text>
                    {site.isCentral && <Badge size="xs">Central function</Badge>}
                  </Group>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}
