import { Title } from '@mantine/core';

/** Client import from CSV or XLSX: mapping, preview, row errors, confirm (issue 9). */
export default function ClientImportPage() {
  return (
    <Title order={1} size="h2">
      Import clients
    </Title>
  );
}
