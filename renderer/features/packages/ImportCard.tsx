import {
  Alert,
  Button,
  FileInput,
  Group,
  Loader,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { FileUp } from 'lucide-react';
import { useId } from 'react';
import { packageExtension, type ImportCounts } from '../../../shared/packages/schema';
import { roleLabels, type Role } from '../../../shared/people/schema';
import ConflictList from './ConflictList';
import ImportLeaveGuard from './ImportLeaveGuard';
import PackageSummaryPanel from './PackageSummaryPanel';
import { useImportPackage, type ImportPhase, type PackageImport } from './useImportPackage';

function roleName(role: string): string {
  return role in roleLabels ? roleLabels[role as Role] : role;
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value.toLocaleString()}
      </Text>
    </Paper>
  );
}

function Counts({ counts, extra }: { counts: ImportCounts; extra: [string, number, string] }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} maw={800}>
      <Count label="New" value={counts.inserted} testId="count-new" />
      <Count label="Updated" value={counts.updated} testId="count-updated" />
      <Count label="Unchanged" value={counts.unchanged} testId="count-unchanged" />
      <Count label="Deleted" value={counts.deleted} testId="count-deleted" />
      <Count label={extra[0]} value={extra[1]} testId={extra[2]} />
    </SimpleGrid>
  );
}

function PhaseStatus({ phase }: { phase: ImportPhase }) {
  if (phase.kind === 'idle') return null;
  if (phase.kind === 'reading') {
    const percent = Math.round(phase.fraction * 100);
    return (
      <Stack gap={4} role="status" maw={420}>
        <Text size="sm">Reading the file… {percent}%</Text>
        <Progress value={percent} aria-label="Reading the package file" />
      </Stack>
    );
  }
  return (
    <Group gap="xs" role="status">
      <Loader size="xs" aria-hidden />
      <Text size="sm">
        {phase.kind === 'previewing'
          ? 'Checking the signature and hashes, and comparing with this database…'
          : 'Importing, in one transaction: all of it or nothing…'}
      </Text>
    </Group>
  );
}

function Preview({ flow }: { flow: PackageImport }) {
  const hintId = useId();
  const preview = flow.preview;
  if (!preview) return null;
  const total = preview.conflicts.length;
  return (
    <Stack gap="md" data-testid="package-preview">
      <Title order={3} size="h5">
        What is in the package
      </Title>
      <PackageSummaryPanel summary={preview.package} />
      {preview.importedBefore && (
        <Alert color="blue">
          This package was imported here before. Importing it again changes only what differs now.
        </Alert>
      )}
      <Title order={3} size="h5">
        What importing would do
      </Title>
      {preview.newPeople.length > 0 && (
        <Alert color="yellow" title="People new to this database" data-testid="new-people">
          Importing adds{' '}
          {preview.newPeople
            .map((p) => `${p.name} (${p.roles.map(roleName).join(', ') || 'no role'})`)
            .join('; ')}
          . They arrive with these roles (never as administrators, who are made on each
          installation), so they can sign in here; people already here keep their roles, PIN and
          active flag whatever a package says (Audit Desk rules).
        </Alert>
      )}
      {preview.deleted > 0 && (
        <Text size="sm">
          Deleted: records the other side removed (a site, a contact, a team member) that nobody
          changed here since.
        </Text>
      )}
      <Counts counts={preview} extra={['Conflicts', total, 'count-conflicts']} />
      {total > 0 && <ConflictList conflicts={preview.conflicts} flow={flow} />}
      {flow.importError && (
        <Alert color="red" role="alert" title="Nothing was imported">
          {flow.importError} Your decisions are kept.
        </Alert>
      )}
      <Group>
        <Button
          leftSection={<FileUp size={16} aria-hidden />}
          onClick={() => void flow.importNow()}
          disabled={flow.remaining > 0 || flow.busy}
          loading={flow.phase.kind === 'importing'}
          aria-describedby={hintId}
        >
          Import
        </Button>
        <Text size="sm" id={hintId} data-testid="import-hint">
          {flow.remaining > 0
            ? `${flow.remaining} of ${total} ${total === 1 ? 'conflict still needs' : 'conflicts still need'} a decision.`
            : total > 0
              ? 'Every conflict has a decision.'
              : preview.inserted + preview.updated + preview.deleted === 0
                ? 'Nothing would change: this database already holds everything in the package.'
                : 'No conflicts: fields changed on one side only take that change.'}
        </Text>
      </Group>
    </Stack>
  );
}

function Result({ flow }: { flow: PackageImport }) {
  const result = flow.result;
  if (!result) return null;
  return (
    <Stack gap="sm" data-testid="import-result">
      <Alert color="green" role="status" title="Package imported">
        Imported the package signed by {result.package.signer.name}
        {result.resolved > 0
          ? `; ${result.resolved} ${result.resolved === 1 ? 'conflict was' : 'conflicts were'} resolved as you chose.`
          : '.'}
      </Alert>
      <Counts counts={result} extra={['Conflicts resolved', result.resolved, 'count-resolved']} />
      <Group>
        <Button variant="default" onClick={flow.startOver}>
          Import another package
        </Button>
      </Group>
    </Stack>
  );
}

/** Import: choose a package file, see who signed it and what it would change, resolve, import. */
export default function ImportCard() {
  const flow = useImportPackage();
  const decided = flow.preview ? flow.preview.conflicts.length - flow.remaining : 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-heading">
          Import
        </Title>
        <Text size="sm">
          Choose a package exported from another installation. Nothing is written until you press
          Import; a field changed on one side only takes that change, and a field changed on both
          sides waits for your decision.
        </Text>
        <FileInput
          label="Package file"
          placeholder={`Choose an ${packageExtension} file`}
          // Mantine draws this placeholder as text in the button: dark enough to read (axe).
          styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
          accept={`${packageExtension},application/zip`}
          leftSection={<FileUp size={16} aria-hidden />}
          value={flow.file}
          onChange={(file) => void flow.choose(file)}
          clearable
          clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
          disabled={flow.busy}
          error={flow.fileError}
          maw={520}
        />
        <PhaseStatus phase={flow.phase} />
        {flow.importError && !flow.preview && (
          <Alert color="red" role="alert">
            {flow.importError}
          </Alert>
        )}
        <Preview flow={flow} />
        <Result flow={flow} />
        <ImportLeaveGuard pending={flow.result === null && decided > 0} />
      </Stack>
    </Paper>
  );
}
