import fs from 'node:fs';
import path from 'node:path';

/** Where and how big the window was, remembered in `window-state.json` in userData. */
export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
export const DEFAULT_STATE: WindowState = {
  bounds: { width: 1280, height: 820 },
  maximized: false,
};

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Accepts only a well-formed state; anything else (old format, hand edits) means the default. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  if (!finite(width) || !finite(height)) return null;
  const state: WindowState = {
    bounds: { width: Math.round(width), height: Math.round(height) },
    maximized: maximized === true,
  };
  if (finite(x) && finite(y)) {
    state.bounds.x = Math.round(x);
    state.bounds.y = Math.round(y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Keeps a remembered window usable after a monitor was unplugged or the resolution changed:
 * the size is clamped to the work area it overlaps most, and a window that would not be visible
 * at all loses its position (the OS then centres it).
 */
export function clampToDisplays(bounds: Bounds, workAreas: readonly Rect[]): Bounds {
  const { x, y } = bounds;
  const primary = workAreas[0];
  const sizeIn = (area: Rect | undefined): Bounds => ({
    width: Math.max(MIN_WIDTH, area ? Math.min(bounds.width, area.width) : bounds.width),
    height: Math.max(MIN_HEIGHT, area ? Math.min(bounds.height, area.height) : bounds.height),
  });
  if (x === undefined || y === undefined) return sizeIn(primary);

  let best: Rect | undefined;
  let bestOverlap = 0;
  for (const area of workAreas) {
    const o = overlap({ x, y, width: bounds.width, height: bounds.height }, area);
    if (o > bestOverlap) {
      best = area;
      bestOverlap = o;
    }
  }
  if (!best) return sizeIn(primary);

  const size = sizeIn(best);
  return {
    x: Math.max(best.x, Math.min(x, best.x + best.width - size.width)),
    y: Math.max(best.y, Math.min(y, best.y + best.height - size.height)),
    width: size.width,
    height: size.height,
  };
}

export function windowStatePath(userDataDir: string): string {
  return path.join(userDataDir, WINDOW_STATE_FILE);
}

/** The remembered state fitted to today's displays, or the default. Never throws. */
export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let state = DEFAULT_STATE;
  try {
    state = parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8'))) ?? DEFAULT_STATE;
  } catch {
    // Missing or unreadable: first start, or a hand-edited file. The default is fine.
  }
  return { bounds: clampToDisplays(state.bounds, workAreas), maximized: state.maximized };
}

/** Written atomically (temp file + rename) so a crash while quitting cannot leave half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(temp, file);
}
