import { Alert, Button, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Audit, ChangeAuditStateInput } from '../../../shared/programme/audit-schema';
import { allowedTransitions, transitionLabels } from '../../../shared/programme/audit-states';
import { auditStateLabels } from '../../../shared/programme/vocabulary';
import { ApiError, call, errorMessage } from '../../api';
import AppModal from '../../ui/AppModal';
import { localToday, useRefreshAudits } from './useAudits';

type Asking = 'completed' | 'cancelled' | null;

/**
 * The next steps an audit may take (planned → confirmed → in progress → completed, or cancelled).
 * Completing asks for the last day held; cancelling asks why. A refusal is shown where it happened.
 */
export default function AuditStateActions({ audit }: { audit: Audit }) {
  const refresh = useRefreshAudits();
  const [asking, setAsking] = useState<Asking>(null);
  const [completedOn, setCompletedOn] = useState(audit.endDate);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const move = async (input: ChangeAuditStateInput) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await call('changeAuditState', input);
      await refresh();
      setAsking(null);
      notifications.show({
        color: 'green',
        message: `The audit is ${auditStateLabels[saved.state].toLowerCase()}.`,
      });
    } catch (e) {
      setError({ field: e instanceof ApiError ? e.field : undefined, message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const next = allowedTransitions(audit.state);
  if (next.length === 0) return null;
  const close = () => {
    setAsking(null);
    setError(null);
  };
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const bannerError =
    error && !['completedOn', 'reason'].includes(error.field ?? '') ? error : null;

  return (
    <Stack gap="xs">
      {bannerError && asking === null && (
        <Alert color="red" role="alert">
          {bannerError.message}
        </Alert>
      )}
      <Group>
        {next.map((to) =>
          to === 'completed' || to === 'cancelled' ? (
            <Button
              key={to}
              variant={to === 'cancelled' ? 'default' : 'filled'}
              color={to === 'cancelled' ? 'red' : undefined}
              onClick={() => {
                setError(null);
                setAsking(to);
              }}
            >
              {transitionLabels[to]}
            </Button>
          ) : (
            <Button key={to} loading={busy} onClick={() => void move({ id: audit.id, to })}>
              {transitionLabels[to]}
            </Button>
          ),
        )}
      </Group>
      <AppModal opened={asking === 'completed'} onClose={close} title="Complete the audit">
        <Stack>
          {bannerError && <Alert color="red">{bannerError.message}</Alert>}
          <Text size="sm">
            The last day the audit was held counts for the programme: the next surveillance is due
            within 12 months of it.
          </Text>
          <TextInput
            type="date"
            label="Last day held"
            max={localToday()}
            value={completedOn}
            onChange={(e) => setCompletedOn(e.currentTarget.value)}
            error={fieldError('completedOn')}
          />
          <Group justify="end">
            <Button variant="default" onClick={close}>
              Not yet
            </Button>
            <Button
              loading={busy}
              onClick={() => void move({ id: audit.id, to: 'completed', completedOn })}
            >
              Complete
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <AppModal opened={asking === 'cancelled'} onClose={close} title="Cancel the audit">
        <Stack>
          {bannerError && <Alert color="red">{bannerError.message}</Alert>}
          <Textarea
            label="Why is the audit cancelled?"
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('reason')}
          />
          <Group justify="end">
            <Button variant="default" onClick={close}>
              Keep the audit
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() => void move({ id: audit.id, to: 'cancelled', reason })}
            >
              Cancel the audit
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Stack>
  );
}
