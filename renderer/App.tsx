import { Alert, Center, Loader } from '@mantine/core';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { errorMessage } from './api';
import FirstRun from './session/FirstRun';
import Recovery from './session/Recovery';
import SignIn from './session/SignIn';
import { useSession } from './session/useSession';
import { router } from './shell/router';

/** Decides what the person sees first: recovery, first-run setup, sign-in, or the app. */
export default function App() {
  const session = useSession();
  const person = session.data?.current ?? null;

  useEffect(() => {
    // The title bar says who is working and that everything is saved on this computer.
    document.title = person
      ? `Audit Desk — ${person.name} — all changes saved locally`
      : 'Audit Desk';
  }, [person]);

  if (session.isPending) {
    return (
      <Center h="100%">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (session.isError) {
    return (
      <Center component="main" h="100%" p="xl">
        <Alert color="red" title="Audit Desk could not start">
          {errorMessage(session.error)}
        </Alert>
      </Center>
    );
  }
  const state = session.data;
  if (state.recovery) return <Recovery recovery={state.recovery} />;
  if (state.setupRequired) return <FirstRun />;
  if (!state.current) return <SignIn people={state.people} />;
  return <RouterProvider router={router} />;
}
