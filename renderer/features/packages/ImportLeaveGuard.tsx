import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import AppModal from '../../ui/AppModal';

/**
 * Asks before leaving the page while a previewed package waits with decisions taken on its
 * conflicts: those decisions (and any value typed for "Edit") live only on this page.
 */
export default function ImportLeaveGuard({ pending }: { pending: boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      pending && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!pending) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [pending]);
  return (
    <AppModal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title="Leave without importing?"
    >
      <Stack>
        <Text>
          The package is not imported yet. The decisions you took on its conflicts are kept only on
          this page: if you leave, choose the file again and decide again.
        </Text>
        <Group justify="end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            Stay
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            Leave
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
