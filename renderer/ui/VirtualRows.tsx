import { Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type HTMLAttributes, type ReactNode } from 'react';

/** What a row adds to its element: a click handler and `data-*` attributes the tests select by. */
export type RowAttributes = HTMLAttributes<HTMLDivElement> & {
  [data: `data-${string}`]: string | undefined;
};

interface Props<T> {
  /** The table's accessible name. */
  label: string;
  /** The `data-testid` of the scrolling body. */
  testId: string;
  columns: readonly string[];
  /** The CSS grid columns, shared by the header and every row. */
  grid: string;
  rowHeight: number;
  rows: readonly T[];
  rowKey: (row: T) => string;
  rowAttributes: (row: T) => RowAttributes;
  /** The row's cells (`role="cell"` elements). */
  renderCells: (row: T) => ReactNode;
  /** Changes when the filters change, to start again at the top. */
  resetKey: string;
  /** How many rows there are in all, loaded or not (default: the rows given). */
  total?: number;
  overscan?: number;
  /** The previous filters' rows, shown dimmed while the new ones load. */
  busy?: boolean;
  /** Shown in the body when there are no rows. */
  empty?: ReactNode;
  /** Paging: while there are more, a last row says so and the next page is asked for near the end. */
  hasMore?: boolean;
  loadingMore?: boolean;
  onEndReached?: () => void;
  /** How many rows before the end of what is loaded the next page is asked for. */
  loadAhead?: number;
  /** The text of the last row while more are to come, e.g. "Loading more audits…". */
  loadingText?: string;
}

/**
 * A table whose rows are virtualised (TanStack Virtual): only what is on screen is drawn, so lists
 * of many thousands scroll without delay; with `hasMore`/`onEndReached`, the next page is fetched
 * as the list nears the end of what it has.
 */
export default function VirtualRows<T>({
  label,
  testId,
  columns,
  grid,
  rowHeight,
  rows,
  rowKey,
  rowAttributes,
  renderCells,
  resetKey,
  total = rows.length,
  overscan = 12,
  busy,
  empty,
  hasMore = false,
  loadingMore = false,
  onEndReached,
  loadAhead = 30,
  loadingText,
}: Props<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = hasMore ? rows.length + 1 : rows.length;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is the virtual list we use
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? (items[items.length - 1]?.index ?? 0) : 0;

  useEffect(() => {
    if (onEndReached && hasMore && !loadingMore && lastIndex >= rows.length - loadAhead) {
      onEndReached();
    }
  }, [hasMore, loadingMore, lastIndex, rows.length, loadAhead, onEndReached]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <div
      role="table"
      aria-label={label}
      aria-rowcount={total + 1}
      aria-busy={busy}
      style={{
        opacity: busy ? 0.6 : undefined,
        flex: 1,
        minHeight: 320,
        display: 'flex',
        flexDirection: 'column',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          className="client-row header"
          style={{ height: 40, gridTemplateColumns: grid }}
        >
          {columns.map((column) => (
            <div key={column} role="columnheader" className="cell">
              {column}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        style={{ flex: 1, overflow: 'auto' }}
        data-testid={testId}
      >
        {rows.length === 0 && empty}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows[item.index];
            const style: CSSProperties = {
              position: 'absolute',
              top: item.start,
              left: 0,
              right: 0,
              height: rowHeight,
              gridTemplateColumns: grid,
              fontSize: 'var(--mantine-font-size-sm)',
            };
            if (row === undefined) {
              return (
                <div key="more" role="row" className="client-row" style={style}>
                  <div role="cell" className="cell">
                    <Text size="sm" c="dimmed">
                      {loadingText}
                    </Text>
                  </div>
                </div>
              );
            }
            return (
              <div
                key={rowKey(row)}
                {...rowAttributes(row)}
                role="row"
                aria-rowindex={item.index + 2}
                className="client-row"
                style={style}
              >
                {renderCells(row)}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
