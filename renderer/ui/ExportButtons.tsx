import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { FileDown } from 'lucide-react';
import type { ExportedFile } from '../../shared/findings/schema';
import { errorMessage } from '../api';
import { saveExportedFile } from './saveExportedFile';

const formats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof formats)[number];

/**
 * "Export CSV" and "Export XLSX" for a list: the main process builds the file from the list's
 * own query, the browser saves it, and the person is told either way.
 */
export default function ExportButtons({
  build,
  disabled,
}: {
  build: (format: ExportFormat) => Promise<ExportedFile>;
  disabled: boolean;
}) {
  const exportFile = useMutation({
    mutationFn: build,
    onSuccess: (file) => {
      saveExportedFile(file);
      notifications.show({ color: 'green', message: `Saved ${file.fileName}.` });
    },
    onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
  });
  return formats.map((format) => (
    <Button
      key={format}
      variant="default"
      leftSection={<FileDown size={16} aria-hidden />}
      loading={exportFile.isPending && exportFile.variables === format}
      disabled={disabled}
      onClick={() => exportFile.mutate(format)}
    >
      Export {format.toUpperCase()}
    </Button>
  ));
}
