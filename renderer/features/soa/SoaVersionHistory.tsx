import { Alert, Button, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api';
import { formatInstant } from '../../format';
import AppModal from '../../ui/AppModal';
import SoaVersionView from './SoaVersionView';
import { useSoaVersion, useSoaVersions } from './useSoa';

/** Every recorded version, newest first; any of them can be opened read-only. */
export default function SoaVersionHistory({ clientId }: { clientId: string }) {
  const versions = useSoaVersions(clientId);
  const [openId, setOpenId] = useState<string | null>(null);
  const opened = useSoaVersion(openId);

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Version history
      </Title>
      {versions.isPending && <Loader aria-label="Loading SoA versions" />}
      {versions.isError && <Alert color="red">{errorMessage(versions.error)}</Alert>}
      {versions.data?.length === 0 && <Text c="dimmed">No versions yet.</Text>}
      {versions.data && versions.data.length > 0 && (
        <Table striped aria-label="SoA versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Client document</Table.Th>
              <Table.Th>Applicable / excluded</Table.Th>
              <Table.Th>Recorded by</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>Version {v.versionNumber}</Table.Td>
                <Table.Td>{v.documentReference}</Table.Td>
                <Table.Td>
                  {v.applicableCount} / {v.excludedCount}
                </Table.Td>
                <Table.Td>{v.createdByName ?? 'Command line'}</Table.Td>
                <Table.Td>{formatInstant(v.createdAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setOpenId(v.id)}>
                    View version {v.versionNumber}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AppModal
        opened={openId !== null}
        onClose={() => setOpenId(null)}
        title={opened.data ? `SoA version ${opened.data.versionNumber}` : 'SoA version'}
        size="xl"
      >
        {opened.isPending && <Loader aria-label="Loading the SoA version" />}
        {opened.isError && <Alert color="red">{errorMessage(opened.error)}</Alert>}
        {opened.data && <SoaVersionView version={opened.data} />}
      </AppModal>
    </Stack>
  );
}
