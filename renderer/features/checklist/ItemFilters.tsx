import { Group, Kbd, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { Search } from 'lucide-react';
import type { Ref } from 'react';
import { partLabels, type ChecklistPart, type StatusFilter } from './checklistView';

interface Props {
  readiness: boolean;
  parts: ChecklistPart[];
  status: StatusFilter;
  part: ChecklistPart | 'all';
  search: string;
  shown: number;
  total: number;
  searchBox: Ref<HTMLInputElement>;
  onStatus: (s: StatusFilter) => void;
  onPart: (p: ChecklistPart | 'all') => void;
  onSearch: (text: string) => void;
}

/** Search (titles, prompts, notes, evidence) and filters above the item list. */
export default function ItemFilters(props: Props) {
  const { readiness, parts, status, part, search, shown, total, searchBox } = props;
  return (
    <Stack gap={6} p={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
      <TextInput
        ref={searchBox}
        label="Search"
        placeholder="Titles, prompts, notes, evidence"
        aria-keyshortcuts="/"
        leftSection={<Search size={14} aria-hidden />}
        rightSection={
          <Kbd size="xs" aria-hidden>
            /
          </Kbd>
        }
        size="xs"
        type="search"
        value={search}
        onChange={(e) => props.onSearch(e.currentTarget.value)}
      />
      <Group gap={6} grow>
        <NativeSelect
          label="Show"
          size="xs"
          value={status}
          onChange={(e) => props.onStatus(e.currentTarget.value as StatusFilter)}
          data={[
            { value: 'all', label: 'All items' },
            { value: 'unanswered', label: 'Not answered' },
            { value: 'issues', label: readiness ? 'Concerns and not ready' : 'Nonconformities' },
          ]}
        />
        <NativeSelect
          label="Part"
          size="xs"
          value={part}
          onChange={(e) => props.onPart(e.currentTarget.value as ChecklistPart | 'all')}
          data={[
            { value: 'all', label: 'All parts' },
            ...parts.map((p) => ({ value: p, label: partLabels[p] })),
          ]}
        />
      </Group>
      <Text size="xs" c="dimmed" aria-live="polite" data-testid="items-shown">
        {shown === total ? `${total} items` : `Showing ${shown} of ${total} items`}
      </Text>
    </Stack>
  );
}
