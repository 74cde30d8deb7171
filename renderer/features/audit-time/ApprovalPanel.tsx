import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { Check, Pencil, X } from 'lucide-react';
import { useState } from 'react';
import type { AuditTimeRecord } from '../../../shared/audit-time';
import { hasAnyRole, type Person } from '../../../shared/people/schema';
import { formatInstant } from '../../format';
import ApprovalBadge from './ApprovalBadge';
import DecisionModal from './DecisionModal';
import OverrideModal from './OverrideModal';
import { auditTimeKey } from './useAuditTime';

type Dialog = { kind: 'override' } | { kind: 'decide'; decision: 'approved' | 'rejected' };

/** The days that count, any override and its approval by a second person, and what to do next. */
export default function ApprovalPanel({
  record,
  person,
}: {
  record: AuditTimeRecord;
  person: Person;
}) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { override, decision } = record;
  const canOverride = hasAnyRole(person, ['lead_auditor']);
  const canDecide = hasAnyRole(person, ['scheduler', 'decision_maker']);
  const ownOverride = override?.by.id === person.id;
  const pending = record.approvalState === 'pending';

  const done = async (message: string) => {
    setDialog(null);
    await queryClient.invalidateQueries({ queryKey: auditTimeKey });
    notifications.show({ color: 'green', message });
  };

  return (
    <Paper withBorder p="md" aria-label="Days and approval" role="region">
      <Stack gap="xs">
        <Group>
          <Text fw={600} size="lg" data-testid="effective-days">
            {record.effectiveDays} days count for planning
            {record.usableForPlanning ? '' : ' once the override is decided'}
          </Text>
          <ApprovalBadge state={record.approvalState} />
        </Group>
        {override && (
          <Text size="sm">
            Overridden to {override.days} days (calculated {record.calculatedDays}) by{' '}
            {override.by.name ?? 'the command line'} on {formatInstant(override.at)}: “
            {override.reason}”
          </Text>
        )}
        {decision && (
          <Text size="sm">
            {record.approvalState === 'approved' ? 'Approved' : 'Rejected'} by{' '}
            {decision.by.name ?? 'the command line'} on {formatInstant(decision.at)}
            {decision.note ? `: “${decision.note}”` : '.'}
          </Text>
        )}
        <Group>
          {canOverride && (
            <Button
              variant="default"
              leftSection={<Pencil size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'override' })}
            >
              {override ? 'Change the override' : 'Override days'}
            </Button>
          )}
          {pending && canDecide && !ownOverride && (
            <>
              <Button
                leftSection={<Check size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'decide', decision: 'approved' })}
              >
                Approve override
              </Button>
              <Button
                color="red"
                variant="outline"
                leftSection={<X size={16} aria-hidden />}
                onClick={() => setDialog({ kind: 'decide', decision: 'rejected' })}
              >
                Reject override
              </Button>
            </>
          )}
          {pending && ownOverride && (
            <Text size="sm">
              You made this override: another scheduler or decision maker approves it.
            </Text>
          )}
          {pending && !canDecide && !ownOverride && (
            <Text size="sm">
              A scheduler or certification decision maker approves or rejects it.
            </Text>
          )}
        </Group>
      </Stack>
      {dialog?.kind === 'override' && (
        <OverrideModal
          record={record}
          onClose={() => setDialog(null)}
          onSaved={() => void done('Override submitted for approval.')}
        />
      )}
      {dialog?.kind === 'decide' && (
        <DecisionModal
          record={record}
          decision={dialog.decision}
          onClose={() => setDialog(null)}
          onSaved={() =>
            void done(dialog.decision === 'approved' ? 'Override approved.' : 'Override rejected.')
          }
        />
      )}
    </Paper>
  );
}
