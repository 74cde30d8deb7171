import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import {
  backupSettingsSchema,
  defaultBackupSettings,
  type BackupSettings,
} from '../../../shared/data/schema';
import { call } from '../../api';
import { numberOrUndefined, schemaErrors } from '../../forms';
import { useSavedForm } from '../../ui/useSavedForm';

type Values = Record<keyof BackupSettings, number | string>;

const fields: { key: keyof BackupSettings; label: string; description: string }[] = [
  {
    key: 'intervalMinutes',
    label: 'Back up every (minutes)',
    description: `While there are changes. 5 to 1440. Default ${defaultBackupSettings.intervalMinutes}.`,
  },
  {
    key: 'keepHourly',
    label: 'Hourly backups kept',
    description: `The newest of each of the last hours that have one. 0 to 1000. Default ${defaultBackupSettings.keepHourly}.`,
  },
  {
    key: 'keepDaily',
    label: 'Daily backups kept',
    description: `The newest of each day, likewise. 0 to 1000. Default ${defaultBackupSettings.keepDaily}.`,
  },
  {
    key: 'keepMonthly',
    label: 'Monthly backups kept',
    description: `The newest of each month, likewise. 0 to 1000. Default ${defaultBackupSettings.keepMonthly}.`,
  },
  {
    key: 'keepPerReason',
    label: 'Backups kept per reason',
    description: `The newest made by hand, before a migration and before a restore, each. 1 to 1000. Default ${defaultBackupSettings.keepPerReason}.`,
  },
];

function toInput(values: Values): Record<keyof BackupSettings, number | undefined> {
  return {
    intervalMinutes: numberOrUndefined(values.intervalMinutes),
    keepHourly: numberOrUndefined(values.keepHourly),
    keepDaily: numberOrUndefined(values.keepDaily),
    keepMonthly: numberOrUndefined(values.keepMonthly),
    keepPerReason: numberOrUndefined(values.keepPerReason),
  };
}

/** How often the app backs up while there are changes, and which backups it keeps. */
export default function BackupSettingsCard({
  settings,
  isAdmin,
  dataKey,
}: {
  settings: BackupSettings;
  isAdmin: boolean;
  dataKey: readonly string[];
}) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ mode: 'controlled', initialValues: settings });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: 'backup-settings',
    check: (values) => schemaErrors(backupSettingsSchema, toInput(values)),
    save: async (values) => {
      await call('updateBackupSettings', backupSettingsSchema.parse(toInput(values)));
      // Not awaited: the refetched settings remount this form, after the draft is cleared.
      void queryClient.invalidateQueries({ queryKey: dataKey });
      notifications.show({ color: 'green', message: 'Backup settings saved.' });
    },
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate aria-label="Automatic backups and retention">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Automatic backups and retention
          </Title>
          <Text size="sm">
            While Audit Desk is open it backs up the database every few minutes, but only when
            something changed since the last backup. After each automatic backup, older backups are
            thinned out: the newest of each recent hour, day and month is kept, and the newest ones
            made for a reason. Hours, days and months are counted in UTC. The newest backup is never
            deleted. These defaults and the scheme are an Audit Desk rule, not the standard’s.
          </Text>
          {!isAdmin && <Text c="dimmed">Only an administrator changes these settings.</Text>}
          {notices}
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {fields.map((f) => (
              <NumberInput
                key={f.key}
                label={f.label}
                description={f.description}
                allowDecimal={false}
                disabled={!isAdmin}
                {...form.getInputProps(f.key)}
              />
            ))}
          </SimpleGrid>
          {isAdmin && (
            <Group>
              <Button type="submit" loading={saving}>
                Save backup settings
              </Button>
            </Group>
          )}
        </Stack>
        {guard}
      </form>
    </Paper>
  );
}
