import { getHotkeyHandler, type HotkeyItem } from '@mantine/hooks';
import { useEffect, useRef } from 'react';

export interface ChecklistKeyActions {
  next: () => void;
  previous: () => void;
  /** 0-based position on the item's scale. */
  setResult: (index: number) => void;
  focusNotes: () => void;
  focusSearch: () => void;
  raiseFinding: () => void;
  help: () => void;
}

const textTypes = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);

/** Whether a key press there types text (then plain letters and digits are not shortcuts). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && textTypes.has(target.type);
}

/**
 * The checklist's keyboard: j / k and Alt+↓ / Alt+↑ move between items, digits set the result,
 * n notes, / search, f raise a finding, ? help. Plain keys act only outside text fields; the Alt
 * versions work anywhere, so notes can be typed and the next item reached without the mouse.
 */
export function useChecklistHotkeys(
  enabled: boolean,
  resultCount: number,
  actions: ChecklistKeyActions,
) {
  const latest = useRef({ actions, enabled });
  useEffect(() => {
    latest.current = { actions, enabled };
  });

  useEffect(() => {
    const manual = { preventDefault: false };
    const plain =
      (run: (a: ChecklistKeyActions) => void) =>
      (event: KeyboardEvent): void => {
        if (!latest.current.enabled || isTextEntry(event.target)) return;
        event.preventDefault();
        run(latest.current.actions);
      };
    const anywhere =
      (run: (a: ChecklistKeyActions) => void) =>
      (event: KeyboardEvent): void => {
        if (!latest.current.enabled) return;
        event.preventDefault();
        run(latest.current.actions);
      };
    const digits = Array.from({ length: resultCount }, (_, i) => i);
    const hotkeys: HotkeyItem[] = [
      ['j', plain((a) => a.next()), manual],
      ['k', plain((a) => a.previous()), manual],
      ['alt+ArrowDown', anywhere((a) => a.next()), manual],
      ['alt+ArrowUp', anywhere((a) => a.previous()), manual],
      ['n', plain((a) => a.focusNotes()), manual],
      ['/', plain((a) => a.focusSearch()), manual],
      ['f', plain((a) => a.raiseFinding()), manual],
      ['shift+?', plain((a) => a.help()), manual],
      ['?', plain((a) => a.help()), manual],
      ...digits.map((i): HotkeyItem => [`${i + 1}`, plain((a) => a.setResult(i)), manual]),
      // Physical keys: on a Mac, Alt+1 types "¡", but the key is still Digit1.
      ...digits.map((i): HotkeyItem => [
        `alt+Digit${i + 1}`,
        anywhere((a) => a.setResult(i)),
        { preventDefault: false, usePhysicalKeys: true },
      ]),
    ];
    const handler = getHotkeyHandler(hotkeys);
    const onKeyDown = (event: KeyboardEvent) => {
      // Any dialog open (a finding, an attachment being opened) has the keyboard to itself.
      if (event.defaultPrevented || document.querySelector('[role="dialog"][aria-modal="true"]')) {
        return;
      }
      handler(event);
    };
    document.documentElement.addEventListener('keydown', onKeyDown);
    return () => document.documentElement.removeEventListener('keydown', onKeyDown);
  }, [resultCount]);
}
