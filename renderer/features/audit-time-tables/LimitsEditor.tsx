import { Fieldset, NativeSelect, NumberInput, SimpleGrid, Stack } from '@mantine/core';
import { editedFigure } from './editing';
import { sourceOptions, type TableForm } from './tableFormValues';

interface Part {
  path: string;
  legend: string;
  figures: { key: string; label: string; halfDays?: boolean; description?: string }[];
}

// Bounds that come from the IAF documents are checked by the validation and said at the field.
const parts: Part[] = [
  {
    path: 'extrapolation',
    legend: 'Beyond the last band',
    figures: [
      { key: 'everyPersons', label: 'One step per persons' },
      {
        key: 'developerProviderUser',
        label: 'Step, developer/provider/user (days)',
        halfDays: true,
      },
      { key: 'producer', label: 'Step, producer (days)', halfDays: true },
      { key: 'multipleRoles', label: 'Step, several roles (days)', halfDays: true },
    ],
  },
  {
    path: 'reductionCap',
    legend: 'Total reduction cap',
    figures: [
      { key: 'percent', label: 'Reduction cap (%)', description: 'IAF MD 5 allows at most 30%' },
    ],
  },
  {
    path: 'integrationCap',
    legend: 'Combined audit reduction cap',
    figures: [
      { key: 'percent', label: 'Integration cap (%)', description: 'IAF MD 11 allows at most 20%' },
    ],
  },
  ...(['stage1Share', 'surveillanceShare', 'recertificationShare'] as const).map((path) => ({
    path,
    legend: {
      stage1Share: 'Stage 1 share of the initial audit',
      surveillanceShare: 'Surveillance share of the initial audit',
      recertificationShare: 'Recertification share of the initial audit',
    }[path],
    figures: [
      { key: 'numerator', label: 'Numerator' },
      { key: 'denominator', label: 'Denominator' },
    ],
  })),
  {
    path: 'minimums',
    legend: 'Minimums (days)',
    figures: [
      { key: 'stage1', label: 'Stage 1 minimum', halfDays: true },
      { key: 'stage2', label: 'Stage 2 minimum', halfDays: true },
      { key: 'surveillance', label: 'Surveillance minimum', halfDays: true },
      { key: 'recertification', label: 'Recertification minimum', halfDays: true },
    ],
  },
  {
    path: 'onSiteFloor',
    legend: 'Time on site',
    figures: [
      { key: 'percent', label: 'On site at least (%)', description: 'IAF MD 5: at least 80%' },
    ],
  },
  {
    path: 'perSampledSite',
    legend: 'Time per sampled site',
    figures: [{ key: 'days', label: 'Days per sampled site', halfDays: true }],
  },
];

/** Caps, shares, minimums and the other single figures of the table, each with its source. */
export default function LimitsEditor({ form }: { form: TableForm }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      {parts.map((part) => (
        <Fieldset key={part.path} legend={part.legend}>
          <Stack gap="xs">
            <SimpleGrid cols={2}>
              {part.figures.map((f) => (
                <NumberInput
                  key={f.key}
                  label={f.label}
                  description={f.description}
                  allowDecimal={f.halfDays === true}
                  decimalScale={f.halfDays ? 1 : 0}
                  clampBehavior="none"
                  {...editedFigure(form, `${part.path}.${f.key}`, `${part.path}.source`)}
                />
              ))}
            </SimpleGrid>
            <NativeSelect
              label={`${part.legend}: source`}
              data={sourceOptions}
              {...form.getInputProps(`${part.path}.source`)}
            />
          </Stack>
        </Fieldset>
      ))}
    </SimpleGrid>
  );
}
