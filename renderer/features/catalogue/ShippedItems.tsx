import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Search } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Catalogue, CatalogueItem } from '../../../shared/iso42001/catalogue';
import { stageLabels } from './useCatalogue';

interface Section {
  heading: CatalogueItem;
  items: CatalogueItem[];
}

function matches(item: CatalogueItem, words: string[]): boolean {
  const text = `${item.id} ${item.title} ${item.prompt}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

/** Clause groups 4 to 10, then Annex A groups A.2 to A.10, each with the items under it. */
function sections(catalogue: Catalogue, filter: string): Section[] {
  const standard = catalogue.items.filter((i) => i.source === 'standard');
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  return standard
    .filter((i) => i.parent === null)
    .map((heading) => {
      const items = standard.filter((i) => i.group === heading.id && i.id !== heading.id);
      const shown = matches(heading, words) ? items : items.filter((i) => matches(i, words));
      return { heading, items: shown };
    })
    .filter((s) => s.items.length > 0);
}

function sectionName(heading: CatalogueItem): string {
  return heading.kind === 'clause'
    ? `Clause ${heading.id} ${heading.title}`
    : `Annex ${heading.id} ${heading.title}`;
}

function Stages({ item }: { item: CatalogueItem }) {
  if (!item.assessable) {
    return (
      <Text size="sm" c="dimmed">
        Through the items under it
      </Text>
    );
  }
  return <Text size="sm">{item.stages.map((s) => stageLabels[s]).join(', ')}</Text>;
}

/** The shipped ISO/IEC 42001 items, read-only: the standard's ids and titles with our prompts. */
export default function ShippedItems({ catalogue }: { catalogue: Catalogue }) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => sections(catalogue, filter), [catalogue, filter]);
  const count = shown.reduce((n, s) => n + s.items.length, 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          {catalogue.standard}: shipped with Audit Desk
        </Title>
        <TextInput
          label="Filter the shipped items"
          placeholder="Id, title or words of the prompt"
          leftSection={<Search size={16} aria-hidden />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={320}
        />
      </Group>
      <Text size="sm" c="dimmed">
        Ids and titles are the standard’s; the prompts are Audit Desk’s own wording of what the
        auditor looks for. These items cannot be changed here; a new edition comes with a new
        catalogue version.
      </Text>
      {filter !== '' && (
        <Text size="sm" aria-live="polite" data-testid="shipped-count">
          {count === 0
            ? `No shipped item matches “${filter}”.`
            : `${count} ${count === 1 ? 'item matches' : 'items match'} “${filter}”.`}
        </Text>
      )}
      {shown.map(({ heading, items }) => (
        <Stack key={heading.id} gap={4}>
          <Title order={3} size="h5">
            {sectionName(heading)}
          </Title>
          <Table striped aria-label={sectionName(heading)} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>Id</Table.Th>
                <Table.Th w="28%">Title</Table.Th>
                <Table.Th w={150}>Stages</Table.Th>
                <Table.Th>What the auditor looks for</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td fw={item.assessable ? undefined : 600}>{item.id}</Table.Td>
                  <Table.Td fw={item.assessable ? undefined : 600}>{item.title}</Table.Td>
                  <Table.Td>
                    <Stages item={item} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.prompt}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}
