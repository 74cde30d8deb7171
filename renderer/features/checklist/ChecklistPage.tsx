import { Alert, Anchor, Button, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Checklist } from '../../../shared/checklists/schema';
import type { Audit } from '../../../shared/programme/audit-schema';
import { errorMessage } from '../../api';
import { useSession } from '../../session/useSession';
import { useAudit } from '../audits/useAudits';
import ChecklistHeader from './ChecklistHeader';
import ChecklistWorkspace from './ChecklistWorkspace';
import CoverageMatrix from './CoverageMatrix';
import ReadinessPanel from './ReadinessPanel';
import SurveillancePlanner from './SurveillancePlanner';
import { useAnswerSaver, useSaveStatus } from './useAnswerSaver';
import { useChecklist } from './useChecklist';

type TabKey = 'work' | 'choose' | 'coverage' | 'readiness';

interface ScreenProps {
  audit: Audit;
  checklist: Checklist;
  person: { id: string; name: string } | null;
}

function tabsFor(
  auditId: string,
  checklist: Checklist,
): { key: TabKey; label: string; panel: ReactNode }[] {
  const tabs: { key: TabKey; label: string; panel: ReactNode }[] = [];
  if (checklist.kind === 'readiness') {
    tabs.push({
      key: 'readiness',
      label: 'Readiness conclusion',
      panel: <ReadinessPanel auditId={auditId} checklist={checklist} />,
    });
  }
  if (checklist.kind === 'selection') {
    tabs.push({
      key: 'choose',
      label: 'Choose items',
      panel: <SurveillancePlanner auditId={auditId} checklist={checklist} />,
    });
  }
  if (checklist.kind !== 'readiness') {
    tabs.push({
      key: 'coverage',
      label: 'Coverage',
      panel: <CoverageMatrix auditId={auditId} checklist={checklist} />,
    });
  }
  return tabs;
}

function ChecklistScreen({ audit, checklist, person }: ScreenProps) {
  const saver = useAnswerSaver(audit.id, person?.id ?? 'nobody', checklist);
  const status = useSaveStatus(saver);
  const [tab, setTab] = useState<TabKey>('work');
  // Following a link to an item (from another tab of this screen) shows the checklist itself.
  const wanted = useSearchParams()[0].get('item');
  const [followed, setFollowed] = useState(wanted);
  if (wanted !== followed) {
    setFollowed(wanted);
    if (wanted) setTab('work');
  }
  const [helpOpen, setHelpOpen] = useState(false);
  const extra = tabsFor(audit.id, checklist);
  const workspace = (
    <ChecklistWorkspace
      audit={audit}
      checklist={checklist}
      person={person}
      saver={saver}
      active={tab === 'work'}
      helpOpen={helpOpen}
      onHelp={setHelpOpen}
    />
  );
  return (
    <Stack gap="sm" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))" miw={900}>
      <ChecklistHeader
        audit={audit}
        checklist={checklist}
        status={status}
        onHelp={() => setHelpOpen(true)}
      />
      {!checklist.canAnswer && (
        <Alert color="gray" py={6}>
          You are not on this audit’s team: you can read the checklist but not answer it.
        </Alert>
      )}
      {extra.length === 0 ? (
        workspace
      ) : (
        <Tabs
          value={tab}
          onChange={(v) => setTab((v as TabKey | null) ?? 'work')}
          style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
        >
          <Tabs.List>
            <Tabs.Tab value="work">Checklist</Tabs.Tab>
            {extra.map((t) => (
              <Tabs.Tab key={t.key} value={t.key}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel
            value="work"
            pt="sm"
            style={{ flex: 1, minHeight: 0, display: tab === 'work' ? 'flex' : 'none' }}
          >
            {workspace}
          </Tabs.Panel>
          {extra.map((t) => (
            <Tabs.Panel key={t.key} value={t.key} pt="sm" style={{ flex: 1, overflow: 'auto' }}>
              {t.panel}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}

/** `/audits/:id/checklist`: the on-site work screen. */
export default function ChecklistPage() {
  const { id = '' } = useParams();
  const audit = useAudit(id);
  const checklist = useChecklist(id);
  const session = useSession();
  const me = session.data?.current ?? null;

  if (audit.isPending || checklist.isPending || session.isPending) {
    return <Loader aria-label="Loading the checklist" />;
  }
  if (audit.isError) return <Alert color="red">{errorMessage(audit.error)}</Alert>;
  if (checklist.isError) return <Alert color="red">{errorMessage(checklist.error)}</Alert>;
  if (!checklist.data) {
    return (
      <Stack maw={700}>
        <Text>No checklist has been prepared for this audit yet.</Text>
        <Button component={Link} to={`/audits/${id}`} w="fit-content">
          Go to the audit to prepare it
        </Button>
        <Anchor component={Link} to="/audits" size="sm">
          All audits
        </Anchor>
      </Stack>
    );
  }
  return (
    <ChecklistScreen
      key={`${id}:${me?.id ?? ''}`}
      audit={audit.data}
      checklist={checklist.data}
      person={me ? { id: me.id, name: me.name } : null}
    />
  );
}
