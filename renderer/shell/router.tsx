import { createHashRouter, Navigate } from 'react-router';
import AuditTimeCalculationPage from '../features/audit-time/AuditTimeCalculationPage';
import AuditTimeResultPage from '../features/audit-time/AuditTimeResultPage';
import AuditTimeTableEditPage from '../features/audit-time-tables/AuditTimeTableEditPage';
import AuditTimeTablePage from '../features/audit-time-tables/AuditTimeTablePage';
import AuditTimeTablesPage from '../features/audit-time-tables/AuditTimeTablesPage';
import AuditList from '../features/audits/AuditList';
import AuditPage from '../features/audits/AuditPage';
import AuditPlanPage from '../features/audits/AuditPlanPage';
import ChecklistPage from '../features/checklist/ChecklistPage';
import CataloguePage from '../features/catalogue/CataloguePage';
import CertificatePage from '../features/certificates/CertificatePage';
import CertificateRegisterPage from '../features/certificates/CertificateRegisterPage';
import DecisionPage from '../features/certificates/DecisionPage';
import ClientEditPage from '../features/clients/ClientEditPage';
import ClientImportPage from '../features/clients/ClientImportPage';
import ClientList from '../features/clients/ClientList';
import ClientPage from '../features/clients/ClientPage';
import DataPage from '../features/data/DataPage';
import FindingPage from '../features/nonconformities/FindingPage';
import FindingRegisterPage from '../features/nonconformities/FindingRegisterPage';
import PackagesPage from '../features/packages/PackagesPage';
import PeoplePage from '../features/people/PeoplePage';
import PersonPage from '../features/people/PersonPage';
import ProgrammePage from '../features/programme/ProgrammePage';
import ReportPage from '../features/reports/ReportPage';
import CertificationBodyPage from '../features/settings/CertificationBodyPage';
import AppLayout from './AppLayout';

// Hash routing works the same under Electron's app:// protocol and the browser harness.
export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/programme" replace /> },
      { path: 'programme', element: <ProgrammePage /> },
      { path: 'clients', element: <ClientList /> },
      { path: 'clients/new', element: <ClientEditPage /> },
      { path: 'clients/import', element: <ClientImportPage /> },
      { path: 'clients/:id', element: <ClientPage /> },
      { path: 'clients/:id/edit', element: <ClientEditPage /> },
      { path: 'clients/:id/decision', element: <DecisionPage /> },
      { path: 'clients/:id/audit-time/new', element: <AuditTimeCalculationPage /> },
      { path: 'clients/:id/audit-time/:resultId', element: <AuditTimeResultPage /> },
      { path: 'audits', element: <AuditList /> },
      { path: 'audits/new', element: <AuditPlanPage /> },
      { path: 'audits/:id', element: <AuditPage /> },
      { path: 'audits/:id/edit', element: <AuditPlanPage /> },
      { path: 'audits/:id/checklist', element: <ChecklistPage /> },
      { path: 'audits/:id/report', element: <ReportPage /> },
      { path: 'findings', element: <FindingRegisterPage /> },
      { path: 'findings/:id', element: <FindingPage /> },
      { path: 'certificates', element: <CertificateRegisterPage /> },
      { path: 'certificates/:id', element: <CertificatePage /> },
      { path: 'settings/audit-time-tables', element: <AuditTimeTablesPage /> },
      { path: 'settings/catalogue', element: <CataloguePage /> },
      { path: 'settings/certification-body', element: <CertificationBodyPage /> },
      { path: 'settings/audit-time-tables/new', element: <AuditTimeTableEditPage /> },
      { path: 'settings/audit-time-tables/:tableId', element: <AuditTimeTablePage /> },
      { path: 'people', element: <PeoplePage /> },
      { path: 'people/:id', element: <PersonPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'data/packages', element: <PackagesPage /> },
      { path: '*', element: <Navigate to="/clients" replace /> },
    ],
  },
]);
