import { createHashRouter, Navigate } from 'react-router';
import ClientEditPage from '../features/clients/ClientEditPage';
import ClientList from '../features/clients/ClientList';
import ClientPage from '../features/clients/ClientPage';
import DataPage from '../features/data/DataPage';
import PeoplePage from '../features/people/PeoplePage';
import AppLayout from './AppLayout';

// Hash routing works the same under Electron's app:// protocol and the browser harness.
export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/clients" replace /> },
      { path: 'clients', element: <ClientList /> },
      { path: 'clients/new', element: <ClientEditPage /> },
      { path: 'clients/:id', element: <ClientPage /> },
      { path: 'clients/:id/edit', element: <ClientEditPage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'data', element: <DataPage /> },
      { path: '*', element: <Navigate to="/clients" replace /> },
    ],
  },
]);
