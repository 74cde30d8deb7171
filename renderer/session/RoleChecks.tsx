import { Checkbox, SimpleGrid } from '@mantine/core';
import { roleLabels, roles, type Role } from '../../shared/people/schema';

interface Props {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  disabledRoles?: Role[];
}

export default function RoleChecks({ value, onChange, error, disabledRoles = [] }: Props) {
  return (
    <Checkbox.Group
      label="Roles"
      value={value}
      onChange={(v) => onChange(v as Role[])}
      error={error}
      withAsterisk
    >
      <SimpleGrid cols={2} mt="xs" spacing="xs">
        {roles.map((r) => (
          <Checkbox key={r} value={r} label={roleLabels[r]} disabled={disabledRoles.includes(r)} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
