import { Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { AnswerValue, Checklist, ChecklistItem } from '../../../shared/checklists/schema';
import type { Audit } from '../../../shared/programme/audit-schema';
import { useEvidenceFiles } from '../evidence/useEvidenceFiles';
import RaiseFindingModal from '../findings/RaiseFindingModal';
import type { FindingKind } from '../findings/findingFormValues';
import type { AnswerSaver } from './answerSaver';
import {
  answerOf,
  currentResult,
  matchesFilter,
  partsIn,
  scaleValues,
  withAnswer,
  workedItems,
  type ChecklistPart,
  type StatusFilter,
} from './checklistView';
import classes from './checklist.module.css';
import GroupNav from './GroupNav';
import ItemDetail from './ItemDetail';
import ItemFilters from './ItemFilters';
import ItemList from './ItemList';
import ShortcutsHelp from './ShortcutsHelp';
import { useChecklistHotkeys } from './useChecklistHotkeys';
import { checklistKey, useAuditFindings, useFindingRaised } from './useChecklist';

interface Props {
  audit: Audit;
  checklist: Checklist;
  person: { id: string; name: string } | null;
  saver: AnswerSaver;
  /** False while another tab of the screen is shown: the shortcuts then rest. */
  active: boolean;
  helpOpen: boolean;
  onHelp: (open: boolean) => void;
}

/** The results that offer the finding form, and the kind of finding each offers. */
const findingKindOf: Partial<Record<AnswerValue, FindingKind>> = {
  nonconformity: 'nonconformity',
  opportunity: 'opportunity',
};

function firstToWork(items: ChecklistItem[]): ChecklistItem | undefined {
  return items.find((i) => currentResult(i) === null) ?? items[0];
}

/** The three columns of the checklist: groups, the item list, and the selected item. */
export default function ChecklistWorkspace(props: Props) {
  const { audit, checklist, person, saver, active, helpOpen, onHelp } = props;
  const personId = person?.id ?? null;
  const queryClient = useQueryClient();
  const findings = useAuditFindings(audit.id);
  const files = useEvidenceFiles(audit.id);
  const fileCounts = useMemo(() => {
    if (!files.data) return null;
    const counts = new Map<string, number>();
    for (const f of files.data) {
      if (f.checklistItemId)
        counts.set(f.checklistItemId, (counts.get(f.checklistItemId) ?? 0) + 1);
    }
    return counts;
  }, [files.data]);
  const findingRaised = useFindingRaised(audit.id);
  const [params] = useSearchParams();
  const worked = useMemo(() => workedItems(checklist), [checklist]);

  const [status, setStatus] = useState<StatusFilter>('all');
  const [part, setPart] = useState<ChecklistPart | 'all'>('all');
  const [searchInput, setSearchInput] = useState('');
  const [search] = useDebouncedValue(searchInput.trim().toLowerCase(), 200);
  const [selectedId, setSelectedId] = useState<string | null>(() => {
    const wanted = params.get('item');
    const byKey = wanted ? checklist.items.find((i) => i.itemKey === wanted) : undefined;
    return (byKey ?? firstToWork(worked))?.id ?? null;
  });
  // A link to one item (`?item=6.1.2`, e.g. from the readiness conclusion) selects it, also when
  // the screen is already open; filters that would hide it are cleared.
  const wanted = params.get('item');
  const [followed, setFollowed] = useState(wanted);
  if (wanted !== followed) {
    setFollowed(wanted);
    const byKey = wanted ? checklist.items.find((i) => i.itemKey === wanted) : undefined;
    if (byKey) {
      setSelectedId(byKey.id);
      setStatus('all');
      setPart('all');
      setSearchInput('');
    }
  }
  const [focusRequest, setFocusRequest] = useState(0);
  const [finding, setFinding] = useState<{ item: ChecklistItem; kind: FindingKind } | null>(null);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const detailRef = useRef<HTMLElement>(null);
  // Another item starts at its title and question, not where the last one was scrolled to.
  useEffect(() => {
    detailRef.current?.scrollTo({ top: 0 });
  }, [selectedId]);

  const visible = useMemo(
    () => worked.filter((i) => matchesFilter(i, { status, part, search }, saver.notesFor(i.id))),
    [worked, status, part, search, saver],
  );
  const selected = checklist.items.find((i) => i.id === selectedId) ?? null;
  const isLead = audit.team.some((m) => m.personId === personId && m.role === 'lead_auditor');

  const select = (id: string, focusRow: boolean) => {
    if (selectedId !== null && selectedId !== id) saver.flush(selectedId);
    setSelectedId(id);
    if (focusRow) setFocusRequest((n) => n + 1);
  };

  const move = (step: 1 | -1) => {
    if (visible.length === 0) return;
    const at = visible.findIndex((i) => i.id === selectedId);
    const target =
      at < 0 ? visible[0] : visible[Math.max(0, Math.min(visible.length - 1, at + step))];
    if (!target) return;
    const inList = listRef.current?.contains(document.activeElement) ?? false;
    select(target.id, inList);
  };

  const openFinding = (item: ChecklistItem, kind: FindingKind) => {
    saver.flush(item.id);
    setFinding({ item, kind });
  };

  const setResult = (item: ChecklistItem, value: AnswerValue | null) => {
    if (!checklist.canAnswer || !person) {
      notifications.show({
        color: 'yellow',
        message: 'Only members of the audit team answer its checklist.',
      });
      return;
    }
    const mine = answerOf(item, person.id);
    const previous = mine?.result ?? null;
    // Shown at once; the saved answer replaces it when the save is acknowledged.
    queryClient.setQueryData<Checklist | null>(checklistKey(audit.id), (old) =>
      old
        ? withAnswer(old, {
            id: mine?.id ?? `unsaved-${item.id}`,
            checklistItemId: item.id,
            auditorId: person.id,
            auditorName: person.name,
            result: value,
            notes: saver.notesFor(item.id) ?? mine?.notes ?? '',
            answeredAt: new Date().toISOString(),
          })
        : old,
    );
    saver.setResult(item.id, value);
    // A nonconformity or an opportunity offers the finding form at once, prefilled from the item
    // (for the lead auditor an opportunity comes graded OFI), unless the item has a finding already.
    const kind = value === null ? undefined : findingKindOf[value];
    if (kind && previous !== value && item.findingIds.length === 0) openFinding(item, kind);
  };

  const jump = (groupKey: string) => {
    let target = visible.find((i) => i.groupKey === groupKey);
    if (!target) {
      // The filters hide the group: show everything rather than jump nowhere.
      setStatus('all');
      setPart('all');
      setSearchInput('');
      target = worked.find((i) => i.groupKey === groupKey);
    }
    if (target) select(target.id, false);
  };

  useChecklistHotkeys(
    active && !helpOpen && finding === null,
    selected ? scaleValues(selected).length : 0,
    {
      next: () => move(1),
      previous: () => move(-1),
      setResult: (index) => {
        const value = selected ? scaleValues(selected)[index] : undefined;
        if (selected && value) setResult(selected, value);
      },
      focusNotes: () => notesRef.current?.focus(),
      focusSearch: () => searchRef.current?.focus(),
      raiseFinding: () => {
        // A Stage 1 marks concerns; it raises no findings (ISO/IEC 17021-1 9.3.1.2).
        if (selected && checklist.canAnswer && checklist.kind !== 'readiness') {
          openFinding(
            selected,
            currentResult(selected) === 'opportunity' ? 'opportunity' : 'nonconformity',
          );
        }
      },
      help: () => onHelp(true),
    },
  );

  return (
    <div className={classes.workspace}>
      <div className={classes.column}>
        <div className={classes.scroll}>
          <GroupNav checklist={checklist} activeGroup={selected?.groupKey ?? null} onJump={jump} />
        </div>
      </div>
      <div className={classes.column} ref={listRef}>
        <ItemFilters
          readiness={checklist.kind === 'readiness'}
          parts={partsIn(worked)}
          status={status}
          part={part}
          search={searchInput}
          shown={visible.length}
          total={worked.length}
          searchBox={searchRef}
          onStatus={setStatus}
          onPart={setPart}
          onSearch={setSearchInput}
        />
        {visible.length === 0 ? (
          <Text p="md" size="sm" c="dimmed">
            No item matches. Clear the search or choose “All items”.
          </Text>
        ) : (
          <ItemList
            items={visible}
            fileCounts={fileCounts}
            selectedId={selectedId}
            focusRequest={focusRequest}
            onSelect={select}
          />
        )}
      </div>
      <section
        ref={detailRef}
        className={`${classes.column} ${classes.scroll} ${classes.detail}`}
        aria-label="Selected item"
      >
        {selected ? (
          <ItemDetail
            auditId={audit.id}
            checklist={checklist}
            item={selected}
            personId={personId}
            saver={saver}
            findings={findings.data}
            notesRef={notesRef}
            onResult={(v) => setResult(selected, v)}
            onClear={() => setResult(selected, null)}
            onRaise={() =>
              openFinding(
                selected,
                currentResult(selected) === 'opportunity' ? 'opportunity' : 'nonconformity',
              )
            }
          />
        ) : (
          <Text c="dimmed">Choose an item from the list.</Text>
        )}
      </section>
      <RaiseFindingModal
        opened={finding !== null}
        onClose={() => setFinding(null)}
        audit={audit}
        item={finding?.item ?? null}
        kind={finding?.kind ?? 'nonconformity'}
        isLead={isLead}
        onRaised={findingRaised}
      />
      <ShortcutsHelp
        opened={helpOpen}
        onClose={() => onHelp(false)}
        readiness={checklist.kind === 'readiness'}
      />
    </div>
  );
}
