import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Archive, Gavel, Pencil, Undo2 } from 'lucide-react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { aiRoleLabels, type Client } from '../../../shared/clients/schema';
import { countryName } from '../../../shared/countries';
import { call, errorMessage } from '../../api';
import { formatInstant } from '../../format';
import AuditTimeTab from '../audit-time/AuditTimeTab';
import ProgrammeTab from '../audits/ProgrammeTab';
import ClientFindingsPanel from '../nonconformities/ClientFindingsPanel';
import SoaTab from '../soa/SoaTab';
import ApplicationReviewTab from './ApplicationReviewTab';
import ClientHistory from './ClientHistory';
import StatusBadge from './StatusBadge';
import { clientsKey, useClient } from './useClients';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children || '—'}</Text>
    </div>
  );
}

export function useArchiveActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: clientsKey });
  const restore = useMutation({
    mutationFn: (id: string) => call('restoreClient', { id }),
    onSuccess: async (c) => {
      await refresh();
      notifications.show({ color: 'green', message: `${c.legalName} is back in the client list.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  const archive = useMutation({
    mutationFn: (id: string) => call('archiveClient', { id }),
    onSuccess: async (c) => {
      await refresh();
      const notificationId = `archived-${c.id}`;
      notifications.show({
        id: notificationId,
        autoClose: 10_000,
        title: `${c.legalName} archived`,
        message: (
          <Button
            size="xs"
            variant="light"
            leftSection={<Undo2 size={14} aria-hidden />}
            onClick={() => {
              notifications.hide(notificationId);
              restore.mutate(c.id);
            }}
          >
            Undo
          </Button>
        ),
      });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return { archive, restore };
}

export default function ClientPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useClient(id);
  const { archive, restore } = useArchiveActions();
  // ?tab=audit-time: screens that belong to a tab link back to it.
  const [search] = useSearchParams();

  if (client.isPending) return <Loader aria-label="Loading client" />;
  if (client.isError) return <Alert color="red">{errorMessage(client.error)}</Alert>;
  const c = client.data;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/clients" size="sm">
        ← Clients
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            {c.legalName}
          </Title>
          <Group gap="xs" mt={4}>
            <Text c="dimmed">{c.reference}</Text>
            <StatusBadge status={c.status} />
            {c.archivedAt && <Badge color="gray">Archived</Badge>}
          </Group>
        </div>
        <Group>
          <Button
            variant="default"
            component={Link}
            to={`/clients/${c.id}/decision`}
            leftSection={<Gavel size={16} aria-hidden />}
          >
            Certification decision
          </Button>
          <Button
            component={Link}
            to={`/clients/${c.id}/edit`}
            leftSection={<Pencil size={16} aria-hidden />}
          >
            Edit
          </Button>
          {c.archivedAt ? (
            <Button
              variant="default"
              leftSection={<Undo2 size={16} aria-hidden />}
              loading={restore.isPending}
              onClick={() => restore.mutate(c.id)}
            >
              Restore
            </Button>
          ) : (
            <Button
              variant="default"
              color="red"
              leftSection={<Archive size={16} aria-hidden />}
              loading={archive.isPending}
              onClick={() => archive.mutate(c.id, { onSuccess: () => navigate('/clients') })}
            >
              Archive
            </Button>
          )}
        </Group>
      </Group>
      {c.archivedAt && (
        <Alert color="gray">
          Archived on {formatInstant(c.archivedAt)}. It is hidden from the client list until
          restored.
        </Alert>
      )}
      <Tabs defaultValue={search.get('tab') ?? 'details'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="sites">Sites ({c.sites.length})</Tabs.Tab>
          <Tabs.Tab value="contacts">Contacts ({c.contacts.length})</Tabs.Tab>
          <Tabs.Tab value="application-review">Application review</Tabs.Tab>
          <Tabs.Tab value="audit-time">Audit time</Tabs.Tab>
          <Tabs.Tab value="programme">Programme</Tabs.Tab>
          <Tabs.Tab value="findings">Findings</Tabs.Tab>
          <Tabs.Tab value="soa">Statement of Applicability</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details" pt="md">
          <Details client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="md">
          <Sites client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="contacts" pt="md">
          <Contacts client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="application-review" pt="md">
          <ApplicationReviewTab client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="audit-time" pt="md">
          <AuditTimeTab client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="programme" pt="md">
          <ProgrammeTab client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="findings" pt="md">
          <ClientFindingsPanel clientId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="soa" pt="md">
          <SoaTab client={c} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <ClientHistory clientId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Details({ client: c }: { client: Client }) {
  const personnel = c.sites.reduce((n, s) => n + s.fullTimePersonnel + s.partTimePersonnel, 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <Field label="Trading name">{c.tradingName}</Field>
      <Field label="Country">{countryName(c.country)}</Field>
      <Field label="Address">{c.address}</Field>
      <Field label="AI roles">{c.aiRoles.map((r) => aiRoleLabels[r]).join(', ')}</Field>
      <Field label="AI systems in scope">{String(c.aiSystemCount)}</Field>
      <Field label="Personnel (all sites)">{String(personnel)}</Field>
      <Field label="Other certifications">
        {c.otherCertifications
          .map((o) => `${o.standard}${o.certificateNumber ? ` (${o.certificateNumber})` : ''}`)
          .join('; ')}
      </Field>
      <Field label="Created">{formatInstant(c.createdAt)}</Field>
      <Field label="Last changed">{formatInstant(c.updatedAt)}</Field>
      <div style={{ gridColumn: '1 / -1' }}>
        <Field label="Proposed scope of certification">{c.scope}</Field>
      </div>
      <div style={{ gridColumn: '1 / -1' }}>
        <Field label="Notes">{c.notes}</Field>
      </div>
    </SimpleGrid>
  );
}

function Sites({ client: c }: { client: Client }) {
  return (
    <Table striped aria-label="Sites">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Site</Table.Th>
          <Table.Th>Address</Table.Th>
          <Table.Th>Country</Table.Th>
          <Table.Th>Full-time</Table.Th>
          <Table.Th>Part-time (avg h/week)</Table.Th>
          <Table.Th>AI-related work</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {c.sites.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              {s.name} {s.isCentral && <Badge size="sm">Central function</Badge>}
            </Table.Td>
            <Table.Td>{s.address}</Table.Td>
            <Table.Td>{countryName(s.country)}</Table.Td>
            <Table.Td>{s.fullTimePersonnel}</Table.Td>
            <Table.Td>
              {s.partTimePersonnel} ({s.partTimeAverageHours} h)
            </Table.Td>
            <Table.Td>{s.aiPersonnel}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Contacts({ client: c }: { client: Client }) {
  return (
    <Table striped aria-label="Contacts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Name</Table.Th>
          <Table.Th>Role</Table.Th>
          <Table.Th>Email</Table.Th>
          <Table.Th>Phone</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {c.contacts.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Td>
              {p.name} {p.primary && <Badge size="sm">Primary</Badge>}
            </Table.Td>
            <Table.Td>{p.role}</Table.Td>
            <Table.Td>{p.email}</Table.Td>
            <Table.Td>{p.phone}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
