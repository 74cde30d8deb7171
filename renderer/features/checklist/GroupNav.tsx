import { NavLink, Stack, Text } from '@mantine/core';
import { Check } from 'lucide-react';
import type { Checklist, ChecklistGroup } from '../../../shared/checklists/schema';
import { partLabels, partOf, workedItems, type ChecklistPart } from './checklistView';

interface Props {
  checklist: Checklist;
  activeGroup: string | null;
  onJump: (groupKey: string) => void;
}

/** The groups of the checklist, by part, with progress per group; choosing one jumps to it. */
export default function GroupNav({ checklist, activeGroup, onJump }: Props) {
  const worked = workedItems(checklist);
  const partOfGroup = new Map<string, ChecklistPart>();
  for (const item of worked) {
    if (!partOfGroup.has(item.groupKey)) partOfGroup.set(item.groupKey, partOf(item));
  }
  const sections: { part: ChecklistPart; groups: ChecklistGroup[] }[] = [];
  for (const group of checklist.groups) {
    const part = partOfGroup.get(group.key);
    if (!part || group.total === 0) continue;
    const last = sections[sections.length - 1];
    if (last && last.part === part) last.groups.push(group);
    else sections.push({ part, groups: [group] });
  }
  return (
    <nav aria-label="Checklist groups">
      <Stack gap={4} p={6}>
        {sections.map((section, i) => (
          <div key={`${section.part}-${i}`}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed" px={8} pt={6} pb={2}>
              {partLabels[section.part]}
            </Text>
            {section.groups.map((g) => {
              const done = g.answered === g.total;
              return (
                <NavLink
                  key={g.key}
                  component="button"
                  type="button"
                  active={g.key === activeGroup}
                  aria-current={g.key === activeGroup ? 'true' : undefined}
                  label={
                    <Text span size="sm" lineClamp={2}>
                      {g.title}
                    </Text>
                  }
                  rightSection={
                    <Text
                      span
                      size="xs"
                      c={done ? 'var(--mantine-color-green-light-color)' : 'dimmed'}
                      fw={done ? 600 : 400}
                      style={{ whiteSpace: 'nowrap', display: 'flex', gap: 2 }}
                      data-testid={`group-progress-${g.key}`}
                    >
                      {done && <Check size={12} aria-hidden />}
                      {g.answered}/{g.total}
                    </Text>
                  }
                  onClick={() => onJump(g.key)}
                  py={4}
                />
              );
            })}
          </div>
        ))}
      </Stack>
    </nav>
  );
}
