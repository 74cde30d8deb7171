import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, type RefObject } from 'react';
import { useBlocker } from 'react-router';
import AppModal from './AppModal';

/**
 * Asks before leaving a screen with unsaved changes (in the app or by closing the window). What was
 * typed stays kept as a draft either way.
 */
export default function LeaveGuard({
  dirty,
  saved,
}: {
  dirty: boolean;
  saved: RefObject<boolean>;
}) {
  // `saved` is a ref: a screen navigates away right after saving, before it renders again.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const when = dirty;
  useEffect(() => {
    if (!when) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);
  return (
    <AppModal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without saving?"
    >
      <Stack>
        <Text>
          You have changes that are not saved. They stay kept as a draft on this computer.
        </Text>
        <Group justify="end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay and keep editing
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
