import { Title } from '@mantine/core';

/** Audit packages: export audits to a signed file, import one with a merge preview (issue 9). */
export default function PackagesPage() {
  return (
    <Title order={1} size="h2">
      Audit packages
    </Title>
  );
}
