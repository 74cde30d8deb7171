import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { FileDown, Gavel } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { decisionKindLabels } from '../../../shared/certificates/decision-rules';
import { countryName } from '../../../shared/countries';
import { call, errorMessage } from '../../api';
import { saveExportedFile } from '../../ui/saveExportedFile';
import CertificateHistory from './CertificateHistory';
import CertificateStatusBadge from './CertificateStatusBadge';
import DecisionSummary from './DecisionSummary';
import { useCertificate } from './useCertificates';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

/** `/certificates/:id`: one certificate, the decision behind it, its status history, its PDF. */
export default function CertificatePage() {
  const { id = '' } = useParams();
  const certificate = useCertificate(id);
  const pdf = useMutation({
    mutationFn: () => call('certificatePdf', { id }),
    onSuccess: (file) => {
      saveExportedFile(file);
      notifications.show({ color: 'green', message: `Saved ${file.fileName}.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });

  if (certificate.isPending) return <Loader aria-label="Loading certificate" />;
  if (certificate.isError) return <Alert color="red">{errorMessage(certificate.error)}</Alert>;
  const c = certificate.data;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to="/certificates" size="sm">
        ← Certificates
      </Anchor>
      <Group justify="space-between" align="start">
        <div>
          <Title order={1} size="h2">
            Certificate {c.number}
          </Title>
          <Group gap="xs" mt={4}>
            <Anchor component={Link} to={`/clients/${c.clientId}`}>
              {c.organisation}
            </Anchor>
            <Text c="dimmed">{c.clientReference}</Text>
            <CertificateStatusBadge status={c.status} />
          </Group>
        </div>
        <Group>
          <Button
            variant="default"
            leftSection={<Gavel size={16} aria-hidden />}
            component={Link}
            to={`/clients/${c.clientId}/decision`}
          >
            Certification decision
          </Button>
          <Button
            leftSection={<FileDown size={16} aria-hidden />}
            loading={pdf.isPending}
            onClick={() => pdf.mutate()}
          >
            Download certificate (PDF)
          </Button>
        </Group>
      </Group>
      {c.replacedById && c.replacedByNumber && (
        <Alert color="gray" title="Replaced">
          Certificate{' '}
          <Anchor component={Link} to={`/certificates/${c.replacedById}`}>
            {c.replacedByNumber}
          </Anchor>{' '}
          replaced this one on {c.replacedOn}; from then on that is the valid certificate (an Audit
          Desk rule: a replaced certificate counts as withdrawn until its own expiry).
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Field label="Organisation">{c.organisation}</Field>
        <Field label="Country">{countryName(c.country)}</Field>
        <Field label="Standard">{c.standard}</Field>
        <Field label="Initial certification">{c.originalIssueDate}</Field>
        <Field label="Issued">{c.issueDate}</Field>
        <Field label="Expires">
          <span data-testid="certificate-expiry-date">{c.expiryDate}</span>
        </Field>
        {c.replacesId && c.replacesNumber && (
          <Field label="Replaces">
            <Anchor component={Link} to={`/certificates/${c.replacesId}`}>
              {c.replacesNumber}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
      <Field label="Scope of certification">
        <Text style={{ whiteSpace: 'pre-wrap' }}>{c.scopeText}</Text>
      </Field>
      <Field label={`Sites covered (${c.sites.length})`}>
        <List size="sm">
          {c.sites.map((s) => (
            <List.Item key={s.id}>
              {s.name}
              {s.isCentral ? ' (central function)' : ''}
              {[s.address, countryName(s.country)].filter((p) => p !== '').length > 0 &&
                `: ${[s.address, countryName(s.country)].filter((p) => p !== '').join(', ')}`}
            </List.Item>
          ))}
        </List>
      </Field>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Decision that issued it
        </Title>
        {c.decision ? (
          <DecisionSummary decision={c.decision} />
        ) : (
          <Text c="dimmed">Not recorded.</Text>
        )}
      </Card>
      {c.statusDecisions.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            Decisions on its status
          </Title>
          <List size="sm" spacing="xs">
            {c.statusDecisions.map((d) => (
              <List.Item key={d.id}>
                {decisionKindLabels[d.kind]} on {d.decisionDate} by {d.decidedByName ?? '—'}:{' '}
                {d.reasons}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      <Title order={2} size="h4">
        History
      </Title>
      <CertificateHistory entries={c.history} />
    </Stack>
  );
}
