import { Button, Group, Kbd } from '@mantine/core';
import type { AnswerValue, ChecklistItem } from '../../../shared/checklists/schema';
import { answerColors, answerLabel, scaleValues } from './checklistView';

interface Props {
  item: ChecklistItem;
  value: AnswerValue | null;
  disabled: boolean;
  onChange: (value: AnswerValue) => void;
}

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
            color={answerColors[v]}
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
