import { Group, Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalRootProps['size'];
  children: ReactNode;
}

/**
 * Our one dialog. Mantine's default modal header is a <header>, which inside a dialog counts as a
 * second "banner" landmark next to the app's own header; this one uses a plain element instead.
 */
export default function AppModal({ opened, onClose, title, size, children }: Props) {
  return (
    <Modal.Root opened={opened} onClose={onClose} size={size}>
      <Modal.Overlay />
      <Modal.Content>
        <Group justify="space-between" p="md" pb="xs" wrap="nowrap">
          <Modal.Title fw={600}>{title}</Modal.Title>
          <Modal.CloseButton aria-label="Close dialog" />
        </Group>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
