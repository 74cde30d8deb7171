import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { teamSettingsSchema } from '../../../shared/programme/team-schema';
import { call, errorMessage } from '../../api';
import { numberOrUndefined, schemaErrors } from '../../forms';
import { teamKey, useTeamSettings } from '../team/useTeam';

/** The CB's lead auditor rotation limit (a familiarity safeguard, ISO/IEC 17021-1 5.2). */
export default function TeamSettingsCard() {
  const settings = useTeamSettings();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  if (settings.isPending || settings.isError) return null;
  const shown = value ?? settings.data.leadAuditorRotationLimit;

  const save = async () => {
    const input = { leadAuditorRotationLimit: numberOrUndefined(shown) };
    const errors = schemaErrors(teamSettingsSchema, input);
    setError(errors.leadAuditorRotationLimit);
    if (errors.leadAuditorRotationLimit) return;
    setSaving(true);
    try {
      await call('updateTeamSettings', teamSettingsSchema.parse(input));
      await queryClient.invalidateQueries({ queryKey: teamKey });
      setValue(null);
      notifications.show({ color: 'green', message: 'Team assignment settings saved.' });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Lead auditor rotation
        </Title>
        <Text size="sm" c="dimmed">
          Warn when one person would lead the same client’s audits for more consecutive
          certification cycles than this. A warning only: the scheduler decides.
        </Text>
        <Group align="start">
          <NumberInput
            label="Consecutive cycles allowed"
            min={1}
            max={10}
            value={shown}
            onChange={setValue}
            error={error}
            w={220}
          />
          <Button mt={25} onClick={save} loading={saving} variant="default">
            Save rotation limit
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
