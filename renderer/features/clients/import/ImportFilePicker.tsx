import { Box, Button, Group, Loader, Text } from '@mantine/core';
import { FileSpreadsheet } from 'lucide-react';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';

interface Props {
  onFile: (file: File) => void;
  reading: boolean;
  error: string | null;
  /** The file read, named under the zone. */
  current: string | null;
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/**
 * Step 1: a CSV or XLSX file, chosen with the button or dropped on the zone. The zone is one
 * labelled group; its error is tied to the button by aria-describedby.
 */
export default function ImportFilePicker({ onFile, reading, error, current }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();
  const [dragDepth, setDragDepth] = useState(0);
  const active = dragDepth > 0;

  // A file dropped beside the zone would otherwise open in place of the app.
  useEffect(() => {
    const ignore = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragDepth(0);
    const [file] = Array.from(event.dataTransfer.files);
    if (file) onFile(file);
  }

  return (
    <Box
      role="group"
      aria-label="File to import"
      data-testid="client-import-drop-zone"
      onDragEnter={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        setDragDepth((d) => d + 1);
      }}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!carriesFiles(e)) return;
        setDragDepth((d) => Math.max(0, d - 1));
      }}
      onDrop={onDrop}
      p="md"
      style={{
        border: `2px dashed var(--mantine-color-${error ? 'red-6' : active ? 'blue-6' : 'gray-5'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: active ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group gap="sm">
        <Button
          leftSection={<FileSpreadsheet size={16} aria-hidden />}
          onClick={() => input.current?.click()}
          disabled={reading}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
        >
          {current ? 'Choose another file' : 'Choose a CSV or XLSX file'}
        </Button>
        <Text id={hintId} size="sm" c="dimmed">
          {active
            ? 'Drop to read the file.'
            : 'or drop it here. At most 10 MB and 2,000 rows; the first row holds the column names, and an XLSX workbook is read from its first worksheet.'}
        </Text>
      </Group>
      {reading && (
        <Group gap="xs" mt="sm" role="status">
          <Loader size="xs" aria-hidden />
          <Text size="sm">Reading the file…</Text>
        </Group>
      )}
      {!reading && current && !error && (
        <Text size="sm" mt="sm" data-testid="client-import-file-name">
          Read: {current}
        </Text>
      )}
      {error && (
        <Text id={errorId} size="sm" c="red.8" mt="sm" role="alert">
          {error}
        </Text>
      )}
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Choose a file to import"
        data-testid="client-import-file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Cleared so the same file can be chosen again after it was fixed.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </Box>
  );
}
