import { Anchor, Button, Group, Progress, Text, Title } from '@mantine/core';
import { Keyboard } from 'lucide-react';
import { Link } from 'react-router';
import type { Checklist } from '../../../shared/checklists/schema';
import type { Audit } from '../../../shared/programme/audit-schema';
import { auditTypeLabels } from '../../../shared/programme/vocabulary';
import type { SaveStatus } from './answerSaver';
import SaveStatusText from './SaveStatusText';

interface Props {
  audit: Audit;
  checklist: Checklist;
  status: SaveStatus;
  onHelp: () => void;
}

/** Which audit, which catalogue and SoA, how far along, and whether everything is saved. */
export default function ChecklistHeader({ audit, checklist, status, onHelp }: Props) {
  const { answered, total } = checklist.progress;
  const percent = total === 0 ? 0 : Math.round((answered / total) * 100);
  return (
    <Group justify="space-between" align="end" wrap="nowrap" gap="md">
      <div style={{ minWidth: 0 }}>
        <Anchor component={Link} to={`/audits/${audit.id}`} size="sm">
          ← {auditTypeLabels[audit.type]} audit page
        </Anchor>
        <Title order={1} size="h4" lineClamp={1}>
          Checklist: {auditTypeLabels[audit.type]}, {audit.clientName}
        </Title>
        <Text size="xs" c="dimmed" data-testid="checklist-sources">
          Catalogue {checklist.catalogueVersion} ·{' '}
          {checklist.soaVersionNumber === null
            ? 'no SoA version'
            : `SoA version ${checklist.soaVersionNumber}`}
        </Text>
      </div>
      <Group gap="lg" wrap="nowrap" align="center">
        <div style={{ width: 160 }}>
          <Text size="sm" data-testid="overall-progress">
            {answered} of {total} answered
          </Text>
          <Progress value={percent} aria-label="Overall progress" size="sm" />
        </div>
        <SaveStatusText status={status} />
        <Button
          variant="default"
          size="xs"
          style={{ flexShrink: 0 }}
          leftSection={<Keyboard size={14} aria-hidden />}
          aria-keyshortcuts="?"
          onClick={onHelp}
        >
          Shortcuts
        </Button>
      </Group>
    </Group>
  );
}
