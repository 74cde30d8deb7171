import {
  Alert,
  Box,
  Button,
  FileInput,
  Group,
  Image,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ImageUp, Trash2, Undo2 } from 'lucide-react';
import { useRef } from 'react';
import { logoSizeText } from '../../../shared/settings/certification-body-logo';
import { errorMessage } from '../../api';
import { useCertificationBodyLogo } from './useCertificationBodyLogo';

/**
 * The CB's logo on the Certification body page: a preview, choosing a file (administrators), and
 * Remove with an Undo. Everyone else sees the logo read-only.
 */
export default function CertificationBodyLogo({
  isAdmin,
  cbName,
}: {
  isAdmin: boolean;
  cbName: string;
}) {
  const { logo, error, choose, saving, remove, restore } = useCertificationBodyLogo();
  // Cleared after each choice, so choosing the same file again (after fixing it) is seen.
  const resetFile = useRef<() => void>(null);

  const onRemove = () => {
    const before = logo.data;
    remove.mutate(undefined, {
      onSuccess: () => {
        const id = 'logo-removed';
        notifications.show({
          id,
          autoClose: 10_000,
          title: 'Logo removed',
          message:
            before?.status === 'stored' ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<Undo2 size={14} aria-hidden />}
                onClick={() => {
                  notifications.hide(id);
                  restore(before.data);
                }}
              >
                Undo
              </Button>
            ) : (
              'Documents now show the certification body’s name only.'
            ),
        });
      },
    });
  };

  return (
    <Stack gap="sm" mt="lg" aria-labelledby="logo-heading" component="section">
      <Title order={2} size="h3" id="logo-heading">
        Logo
      </Title>
      <Text size="sm">
        Printed on the audit report (cover and page headers), the certificate and the audit plan,
        beside the certification body’s name. Without a logo they show the name only.
      </Text>
      {logo.isPending && <Loader size="sm" aria-label="Loading the logo" />}
      {logo.isError && <Alert color="red">{errorMessage(logo.error)}</Alert>}
      {logo.data === null && (
        <Text c="dimmed" size="sm">
          No logo yet.
          {isAdmin ? ' Choose a PNG or JPEG file below.' : ' An administrator can add one.'}
        </Text>
      )}
      {logo.data?.status === 'missing' && (
        <Alert color="yellow" title="The logo file is missing">
          The settings name a logo (SHA-256 {logo.data.sha256.slice(0, 12)}…) whose file is no
          longer in the evidence folder beside the database, so documents print without a logo.
          {isAdmin
            ? ' Choose the logo again, or restore the evidence folder from a backup.'
            : ' An administrator can choose it again.'}
        </Alert>
      )}
      {logo.data?.status === 'stored' && (
        <Group align="center" gap="md">
          <Box
            p="sm"
            bg="white"
            style={{
              border: '1px solid var(--mantine-color-gray-4)',
              borderRadius: 'var(--mantine-radius-sm)',
            }}
          >
            <Image
              src={`data:${logo.data.mediaType};base64,${logo.data.data}`}
              alt={`Logo of ${cbName || 'the certification body'}`}
              h={80}
              w="auto"
              maw={320}
              fit="contain"
            />
          </Box>
          <Text size="sm" c="dimmed">
            {logo.data.mediaType === 'image/png' ? 'PNG' : 'JPEG'}, {logo.data.width} ×{' '}
            {logo.data.height} pixels, {logoSizeText(logo.data.sizeBytes)}
          </Text>
        </Group>
      )}
      {isAdmin && (
        <Group align="end" gap="sm">
          <FileInput
            label="Logo file"
            placeholder="Choose a PNG or JPEG file"
            // Mantine draws this placeholder as text in the button: dark enough to read (axe).
            styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
            description="PNG or JPEG, at most 1 MB (an Audit Desk limit). A logo on a white or transparent background prints best."
            accept="image/png,image/jpeg"
            leftSection={saving ? <Loader size={14} /> : <ImageUp size={16} aria-hidden />}
            disabled={saving}
            value={null}
            resetRef={resetFile}
            onChange={(file) => {
              void choose(file);
              resetFile.current?.();
            }}
            error={error}
            w={420}
          />
          {logo.data && (
            <Button
              variant="default"
              color="red"
              leftSection={<Trash2 size={16} aria-hidden />}
              loading={remove.isPending}
              onClick={onRemove}
            >
              Remove logo
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
