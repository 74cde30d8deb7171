import { Alert, Stack, Text, Title } from '@mantine/core';
import { packageRoles } from '../../../shared/packages/schema';
import { roleLabels } from '../../../shared/people/schema';
import { useSearchParams } from 'react-router';
import { useSession } from '../../session/useSession';
import ExportCard from './ExportCard';
import ImportCard from './ImportCard';
import InstallationCard from './InstallationCard';
import PackageHistory from './PackageHistory';

/** Audit packages: export audits to a signed file, import one with a merge preview (issue 9). */
export default function PackagesPage() {
  const [params] = useSearchParams();
  const session = useSession();
  const roles = session.data?.current?.roles ?? [];
  const isAdmin = roles.includes('admin');
  const mayMove = packageRoles.some((role) => roles.includes(role));
  const preselected = params.get('audit');
  return (
    <Stack maw={1100}>
      <Title order={1} size="h2">
        Audit packages
      </Title>
      <Text>
        Take audits from the office to a laptop and back, one file each way. Importing merges record
        by record and field by field; nothing is overwritten without your decision.
      </Text>
      <InstallationCard isAdmin={isAdmin} />
      {mayMove ? (
        <>
          <ExportCard key={preselected ?? ''} preselected={preselected} />
          <ImportCard />
        </>
      ) : (
        <Alert color="gray" title="Exporting and importing packages">
          Moving audits between installations needs the role{' '}
          {packageRoles.map((role) => roleLabels[role]).join(', ')}; the history below shows what
          others moved.
        </Alert>
      )}
      <PackageHistory />
    </Stack>
  );
}
