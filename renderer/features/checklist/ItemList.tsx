import { Badge, Text, VisuallyHidden } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { FileText, Flag, MessageSquare, Paperclip } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { isCatalogueKey, itemKeyLabel } from '../../../shared/checklists/item-label';
import type { ChecklistItem } from '../../../shared/checklists/schema';
import { answerColors, answerLabel, currentResult } from './checklistView';
import classes from './checklist.module.css';

const rowHeight = 56;

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

interface Props {
  items: ChecklistItem[];
  /** Attachments per item as listed now (the checklist's own count is from when it loaded). */
  fileCounts: ReadonlyMap<string, number> | null;
  selectedId: string | null;
  /** Incremented when the selected row should take the focus (moving by keyboard in the list). */
  focusRequest: number;
  onSelect: (id: string, focus: boolean) => void;
}

function Row({
  item,
  fileCount,
  selected,
  onSelect,
}: {
  item: ChecklistItem;
  fileCount: number;
  selected: boolean;
  onSelect: (id: string, focus: boolean) => void;
}) {
  const result = currentResult(item);
  const notes = item.answers.some((a) => a.notes.trim() !== '');
  // A requirement's id; "Exclusion A.10.4"; nothing for topics (their title says what they are).
  const keyLabel = itemKeyLabel(item.itemKey);
  return (
    <button
      type="button"
      className={classes.row}
      aria-current={selected ? 'true' : undefined}
      tabIndex={selected ? 0 : -1}
      data-item-id={item.id}
      data-testid={`item-row-${item.itemKey}`}
      onClick={() => onSelect(item.id, false)}
    >
      <span
        className={
          isCatalogueKey(item.itemKey) ? classes.key : `${classes.key} ${classes.keyLabel}`
        }
        title={keyLabel ?? undefined}
      >
        {keyLabel}
      </span>
      <span className={classes.title} title={item.title}>
        {item.title}
      </span>
      <span className={classes.status}>
        {result ? (
          <Badge size="sm" color={answerColors[result]}>
            {answerLabel(result)}
          </Badge>
        ) : (
          <Text span size="xs" c="dimmed">
            Not answered
          </Text>
        )}
      </span>
      <span className={classes.markers}>
        {notes && (
          <span title="Notes">
            <MessageSquare size={12} aria-hidden />
            <VisuallyHidden>, has notes</VisuallyHidden>
          </span>
        )}
        {item.evidence.length > 0 && (
          <span title="Objective evidence entries">
            <FileText size={12} aria-hidden /> {item.evidence.length}
            <VisuallyHidden>
              {plural(item.evidence.length, ' evidence entry', ' evidence entries')}
            </VisuallyHidden>
          </span>
        )}
        {fileCount > 0 && (
          <span title="Attachments">
            <Paperclip size={12} aria-hidden /> {fileCount}
            <VisuallyHidden>{plural(fileCount, ' attachment', ' attachments')}</VisuallyHidden>
          </span>
        )}
        {item.findingIds.length > 0 && (
          <span title="Findings raised">
            <Flag size={12} aria-hidden /> {item.findingIds.length}
            <VisuallyHidden>
              {plural(item.findingIds.length, ' finding', ' findings')}
            </VisuallyHidden>
          </span>
        )}
      </span>
    </button>
  );
}

/** The items shown, virtualised: only the rows in view are in the page, however long the list. */
export default function ItemList({ items, fileCounts, selectedId, focusRequest, onSelect }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtual list we use
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const selectedIndex = items.findIndex((i) => i.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    if (focusRequest === 0 || selectedId === null) return;
    // The row may only be rendered after the scroll above: wait a frame.
    const frame = requestAnimationFrame(() => {
      scrollRef.current
        ?.querySelector<HTMLButtonElement>(`[data-item-id="${CSS.escape(selectedId)}"]`)
        ?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, selectedId]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const step =
      e.key === 'ArrowDown'
        ? 1
        : e.key === 'ArrowUp'
          ? -1
          : e.key === 'Home'
            ? -Infinity
            : e.key === 'End'
              ? Infinity
              : 0;
    if (step === 0 || items.length === 0) return;
    e.preventDefault();
    const from = selectedIndex < 0 ? 0 : selectedIndex;
    const to = Math.max(0, Math.min(items.length - 1, from + step));
    const target = items[to];
    if (target) onSelect(target.id, true);
  };

  return (
    <div ref={scrollRef} className={classes.scroll} onKeyDown={onKeyDown}>
      <div
        role="list"
        aria-label="Checklist items"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (!item) return null;
          return (
            <div
              key={item.id}
              role="listitem"
              aria-setsize={items.length}
              aria-posinset={v.index + 1}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                height: v.size,
                transform: `translateY(${v.start}px)`,
              }}
            >
              <Row
                item={item}
                fileCount={fileCounts ? (fileCounts.get(item.id) ?? 0) : item.fileCount}
                selected={item.id === selectedId}
                onSelect={onSelect}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
