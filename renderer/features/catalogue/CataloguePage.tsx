import { Alert, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { cbItemEditors } from '../../../shared/iso42001/cb-items';
import { errorMessage } from '../../api';
import { useHasRole } from '../audits/useAudits';
import CbItemsSection from './CbItemsSection';
import ShippedItems from './ShippedItems';
import { useCbItems, useRequirementCatalogue } from './useCatalogue';

/**
 * Settings: the catalogue checklists are prepared from. The shipped ISO/IEC 42001 items are
 * read-only; the certification body adds its own items on top, which gives a new catalogue version.
 */
export default function CataloguePage() {
  const catalogue = useRequirementCatalogue();
  const cbItems = useCbItems();
  const canEdit = useHasRole(cbItemEditors);

  if (catalogue.isPending || cbItems.isPending)
    return <Loader aria-label="Loading the catalogue" />;
  if (catalogue.isError) return <Alert color="red">{errorMessage(catalogue.error)}</Alert>;
  if (cbItems.isError) return <Alert color="red">{errorMessage(cbItems.error)}</Alert>;
  const active = cbItems.data.filter((i) => i.active).length;

  return (
    <Stack maw={1100} gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          Checklist catalogue
        </Title>
        <Group gap="xs">
          <Text>Current version:</Text>
          <Code data-testid="catalogue-version">{catalogue.data.version}</Code>
        </Group>
        <Text size="sm" c="dimmed">
          {catalogue.data.standard} as shipped with Audit Desk
          {active > 0
            ? `, plus ${active} active ${active === 1 ? 'item' : 'items'} of your certification body`
            : ''}
          . Each checklist records the version it was prepared from; any change to your items gives
          a new version.
        </Text>
      </Stack>
      <CbItemsSection catalogue={catalogue.data} items={cbItems.data} canEdit={canEdit} />
      <ShippedItems catalogue={catalogue.data} />
    </Stack>
  );
}
