import { Autocomplete, Text, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useRequirementCatalogue } from '../catalogue/useCatalogue';
import { matchRequirements, requirementOptions } from './requirementOptions';

interface Props {
  label: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
  withAsterisk?: boolean;
  onBlur?: () => void;
}

/**
 * How many choices the list shows at once: typing a number or a word narrows the catalogue's
 * 80-odd items to these (the placeholder says so).
 */
const shown = 8;

/**
 * The requirement a finding is raised against: pick an ISO/IEC 42001 clause, an Annex A control
 * or one of the CB's own items from the current catalogue (found by number or title), or type
 * another requirement (a legal or CB requirement). The field keeps the reference alone, e.g.
 * "ISO/IEC 42001:2023 6.1.4"; the title only helps to find it.
 */
export default function RequirementPicker({
  label,
  description,
  value,
  onChange,
  error,
  autoFocus,
  withAsterisk,
  onBlur,
}: Props) {
  const catalogue = useRequirementCatalogue();
  const options = useMemo(
    () => (catalogue.data ? requirementOptions(catalogue.data) : []),
    [catalogue.data],
  );
  const titles = useMemo(() => new Map(options.map((o) => [o.ref, o.title])), [options]);
  const data = useMemo(() => options.map((o) => o.ref), [options]);
  const filter: OptionsFilter = ({ search }) => {
    const refs = new Set(matchRequirements(options, search, shown).map((o) => o.ref));
    return data.filter((ref) => refs.has(ref)).map((ref) => ({ value: ref, label: ref }));
  };

  return (
    <Autocomplete
      label={label}
      description={description}
      placeholder="Type a clause or control number or a word of its title"
      value={value}
      onChange={onChange}
      data={data}
      filter={filter}
      limit={shown}
      error={error}
      withAsterisk={withAsterisk}
      onBlur={onBlur}
      data-autofocus={autoFocus ? true : undefined}
      // In the dialog's own tree (axe: no content outside a landmark), and short enough not to
      // scroll (axe: a scrolling list would need a focusable region inside a listbox).
      comboboxProps={{ withinPortal: false }}
      withScrollArea={false}
      renderOption={({ option }) => (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {option.value}
          </Text>{' '}
          {titles.get(option.value)}
        </Text>
      )}
    />
  );
}
