import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  findingEvents,
  terminalStates,
  type FindingEvent,
} from '../../../shared/findings/lifecycle';
import type { FindingAction, FindingDetail } from '../../../shared/findings/schema';
import { useKeptState } from '../checklist/useKeptState';
import TransitionModal from './TransitionModal';
import { emptyTransition, type TransitionValues } from './transitionForm';

/** A resubmitted response starts from the one rejected: the client usually revises it. */
function startingValues(detail: FindingDetail, event: FindingEvent): TransitionValues {
  const values = emptyTransition();
  if (event === 'submitResponse' && detail.response) {
    values.correction = detail.response.correction;
    values.rootCause = detail.response.rootCause;
    values.correctiveAction = detail.response.correctiveAction;
    values.plannedCompletion = detail.response.plannedCompletion ?? '';
  }
  return values;
}

const isEvent = (e: string): e is FindingEvent => (findingEvents as readonly string[]).includes(e);

/**
 * The actions of this state: each one this person may take now is a button; one they may not is
 * shown disabled with the reason beside it, never hidden.
 */
export default function FindingActions({ detail }: { detail: FindingDetail }) {
  const [open, setOpen] = useState<FindingAction | null>(null);
  // What is typed in an action's form, per action, kept on this computer as it is typed (a
  // reload, a crash or closing the form loses nothing) until the action is sent.
  const kept = useKeptState<Partial<Record<FindingEvent, TransitionValues>>>(
    `finding-actions:${detail.id}`,
    () => ({}),
  );
  const actions = detail.actions.filter((a) => isEvent(a.event));
  const allowed = actions.filter((a) => a.allowed);
  const blocked = actions.filter((a) => !a.allowed);
  // A finished finding refuses every step for the same reason: say it once.
  const reasons = new Set(blocked.map((a) => a.reason ?? ''));
  const finishedReason =
    terminalStates.includes(detail.state) && allowed.length === 0
      ? reasons.size === 1
        ? [...reasons][0] || ''
        : ''
      : null;

  return (
    <Card withBorder data-testid="finding-actions">
      <Title order={2} size="h4" mb="sm">
        Next steps
      </Title>
      {finishedReason !== null ? (
        <Text size="sm" c="dimmed">
          {finishedReason || 'Nothing more can happen to this finding: it is finished.'}
        </Text>
      ) : (
        <>
          {allowed.length === 0 && (
            <Text size="sm" c="dimmed" mb="sm">
              Nothing you can do on this finding right now; each step below says why.
            </Text>
          )}
          {allowed.length > 0 && (
            <Group gap="sm" mb="sm">
              {allowed.map((action) => (
                <Button key={action.event} onClick={() => setOpen(action)}>
                  {action.label}
                </Button>
              ))}
            </Group>
          )}
          {blocked.length > 0 && (
            <>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
                Not available now
              </Text>
              <List listStyleType="none" spacing="xs" aria-label="Steps not available now">
                {blocked.map((action) => {
                  const reasonId = `action-reason-${action.event}`;
                  return (
                    <List.Item key={action.event}>
                      <Stack gap={2} align="start">
                        <Button
                          variant="default"
                          size="compact-sm"
                          disabled
                          aria-describedby={reasonId}
                        >
                          {action.label}
                        </Button>
                        <Text id={reasonId} size="sm" c="dimmed">
                          {action.reason ?? 'Not available in this state.'}
                        </Text>
                      </Stack>
                    </List.Item>
                  );
                })}
              </List>
            </>
          )}
        </>
      )}
      {open && isEvent(open.event) && (
        <TransitionModal
          detail={detail}
          event={open.event}
          title={open.label}
          initial={kept.value[open.event] ?? startingValues(detail, open.event)}
          restored={kept.value[open.event] !== undefined}
          onKeep={(values) => {
            const event = open.event as FindingEvent;
            kept.set({ ...kept.value, [event]: values });
          }}
          onSent={() => {
            const event = open.event as FindingEvent;
            const rest = Object.fromEntries(
              Object.entries(kept.value).filter(([e]) => e !== event),
            ) as Partial<Record<FindingEvent, TransitionValues>>;
            if (Object.keys(rest).length === 0) kept.clear({});
            else kept.set(rest);
            setOpen(null);
          }}
          onDone={() => setOpen(null)}
        />
      )}
    </Card>
  );
}
