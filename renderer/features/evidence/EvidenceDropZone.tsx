import { Box, Button, Group, Text } from '@mantine/core';
import { Paperclip } from 'lucide-react';
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';

interface Props {
  /** Files chosen, dropped or pasted. */
  onFiles: (files: File[]) => void;
  /** Things dropped that are not files (folders), with why they were refused. */
  onRefused: (file: File, why: string) => void;
}

/** True when the drag carries files (not text or a link dragged from elsewhere on the page). */
function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/**
 * Where files are attached: drop them here, paste them (Ctrl+V) while this or the list has focus,
 * or choose them with the button. The zone itself is focusable and opens the picker on Enter or
 * Space, so it works from the keyboard alone.
 */
export default function EvidenceDropZone({ onFiles, onRefused }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  // Counted: dragenter/dragleave also fire when the pointer crosses the zone's children.
  const [dragDepth, setDragDepth] = useState(0);
  const active = dragDepth > 0;

  const pick = () => input.current?.click();

  // A file dropped just beside the zone would otherwise make the browser open it in place of the
  // app, and take unsaved typing with it.
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
    const files: File[] = [];
    const items = Array.from(event.dataTransfer.items);
    Array.from(event.dataTransfer.files).forEach((file, i) => {
      const entry = items[i]?.webkitGetAsEntry?.();
      if (entry?.isDirectory) {
        onRefused(file, `"${file.name}" is a folder: attach the files inside it instead.`);
      } else {
        files.push(file);
      }
    });
    if (files.length > 0) onFiles(files);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      pick();
    }
  }

  return (
    <Box
      role="group"
      tabIndex={0}
      aria-label="Attach files"
      aria-describedby={hintId}
      data-testid="evidence-drop-zone"
      data-active={active || undefined}
      onKeyDown={onKeyDown}
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
      p="sm"
      style={{
        border: `2px dashed var(--mantine-color-${active ? 'blue-6' : 'gray-5'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: active ? 'var(--mantine-color-blue-0)' : undefined,
      }}
    >
      <Group gap="sm" wrap="wrap">
        <Button
          size="xs"
          variant="light"
          leftSection={<Paperclip size={14} aria-hidden />}
          onClick={pick}
        >
          Attach files
        </Button>
        <Text id={hintId} size="sm" c="dimmed">
          {active
            ? 'Drop to attach.'
            : 'or drop files and photos here, or paste them with Ctrl+V. Each file is hashed (SHA-256) as it is stored.'}
        </Text>
      </Group>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Choose files to attach"
        data-testid="evidence-file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so the same file can be chosen again (e.g. after a failed upload).
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </Box>
  );
}
