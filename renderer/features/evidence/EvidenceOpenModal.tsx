import { Alert, Button, Code, Group, Image, Loader, Progress, Stack, Text } from '@mantine/core';
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { EvidenceCheck, EvidenceFile } from '../../../shared/evidence/schema';
import { call, errorMessage } from '../../api';
import { formatBytes } from '../../format';
import AppModal from '../../ui/AppModal';
import { isPreviewableImage } from './evidenceFormat';
import { downloadEvidence } from './transferEvidence';

type Opening =
  | { step: 'verifying' }
  | { step: 'reading'; check: EvidenceCheck; receivedBytes: number }
  | { step: 'ready'; check: EvidenceCheck; url: string }
  | { step: 'refused'; check: EvidenceCheck }
  | { step: 'failed'; message: string };

/**
 * Opening a file: the stored bytes are first re-hashed in the main process and compared with the
 * SHA-256 recorded at capture; only a file that matches is read back (chunk by chunk) and shown
 * (images) or offered to save. A missing or altered file is refused with what happened.
 */
function useOpening(file: EvidenceFile): Opening {
  const [opening, setOpening] = useState<Opening>({ step: 'verifying' });
  useEffect(() => {
    let live = true;
    let url: string | null = null;
    void (async () => {
      try {
        const check = await call('verifyEvidenceFile', { id: file.id });
        if (!live) return;
        if (check.status !== 'ok') return setOpening({ step: 'refused', check });
        setOpening({ step: 'reading', check, receivedBytes: 0 });
        const blob = await downloadEvidence(file, (receivedBytes) => {
          if (live) setOpening({ step: 'reading', check, receivedBytes });
        });
        if (!live) return;
        url = URL.createObjectURL(blob);
        setOpening({ step: 'ready', check, url });
      } catch (error) {
        if (live) setOpening({ step: 'failed', message: errorMessage(error) });
      }
    })();
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [file]);
  return opening;
}

export default function EvidenceOpenModal({
  file,
  onClose,
}: {
  file: EvidenceFile;
  onClose: () => void;
}) {
  const opening = useOpening(file);
  const percent =
    opening.step === 'reading' && file.sizeBytes > 0
      ? Math.round((opening.receivedBytes / file.sizeBytes) * 100)
      : 0;
  return (
    <AppModal opened onClose={onClose} title={file.fileName} size="lg">
      <Stack gap="sm" data-testid="evidence-open">
        {opening.step === 'verifying' && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Checking the stored file against its recorded SHA-256…</Text>
          </Group>
        )}
        {opening.step === 'refused' && (
          <Alert
            color="red"
            icon={<ShieldAlert aria-hidden />}
            title={
              opening.check.status === 'missing'
                ? 'The stored file is missing'
                : 'The file was altered'
            }
            data-testid="evidence-check-failed"
          >
            {opening.check.message}
          </Alert>
        )}
        {opening.step === 'failed' && <Alert color="red">{opening.message}</Alert>}
        {(opening.step === 'reading' || opening.step === 'ready') && (
          <Alert color="green" icon={<ShieldCheck aria-hidden />} data-testid="evidence-check-ok">
            Verified: the stored bytes match the SHA-256 recorded when the file was attached.
          </Alert>
        )}
        {opening.step === 'reading' && (
          <Progress value={percent} aria-label={`Reading ${file.fileName}`} />
        )}
        {opening.step === 'ready' && isPreviewableImage(file.mediaType) && (
          <Image
            src={opening.url}
            alt={`Preview of ${file.fileName}`}
            fit="contain"
            w="auto"
            maw="100%"
            mah="60vh"
            mx="auto"
            radius="sm"
          />
        )}
        <Text size="xs" c="dimmed">
          {formatBytes(file.sizeBytes)} · {file.mediaType} · SHA-256{' '}
          <Code style={{ wordBreak: 'break-all' }}>{file.sha256}</Code>
        </Text>
        <Group justify="flex-end">
          {opening.step === 'ready' && (
            <Button component="a" href={opening.url} download={file.fileName}>
              Save a copy
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
