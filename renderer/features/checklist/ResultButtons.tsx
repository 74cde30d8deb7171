import { Button, Group, Kbd } from '@mantine/core';
import type { AnswerValue, ChecklistItem } from '../../../shared/checklists/schema';
import { answerColors, answerLabel, scaleValues } from './checklistView';

interface Props {
  item: ChecklistItem;
  value: AnswerValue | null;
  disabled: boolean;
  onChange: (value: AnswerValue) => void;
}

/**
 * A pressed result's fill: the darker shades the design system uses for light-variant text
 * (styles.css), so white text on it meets WCAG AA (shade 8 green, orange and red do not).
 */
const pressedFill: Record<string, string> = {
  green: '#2b6a30',
  orange: '#a63c06',
  red: '#c92a2a',
  blue: '#1864ab',
  gray: '#343a40',
};

/** The item's result, one button per value with its shortcut digit (1 to 5, or 1 to 3). */
export default function ResultButtons({ item, value, disabled, onChange }: Props) {
  return (
    <Group gap={6} role="group" aria-label="Result" wrap="wrap">
      {scaleValues(item).map((v, i) => {
        const pressed = v === value;
        return (
          <Button
            key={v}
            size="xs"
            color={pressed ? (pressedFill[answerColors[v]] ?? answerColors[v]) : answerColors[v]}
            variant={pressed ? 'filled' : 'default'}
            aria-pressed={pressed}
            aria-keyshortcuts={`${i + 1} Alt+${i + 1}`}
            disabled={disabled}
            onClick={() => onChange(v)}
            rightSection={
              <Kbd size="xs" aria-hidden>
                {i + 1}
              </Kbd>
            }
          >
            {answerLabel(v)}
          </Button>
        );
      })}
    </Group>
  );
}
