import { Select, type SelectProps } from '@mantine/core';
import { countryOptions } from '../../../shared/countries';

const data = countryOptions().map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }));

export default function CountrySelect(props: Omit<SelectProps, 'data'>) {
  return <Select searchable data={data} placeholder="Type to search" limit={50} {...props} />;
}
