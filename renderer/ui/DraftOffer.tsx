import { Alert, Button, Group, Text } from '@mantine/core';

interface Props {
  onRestore: () => void;
  onDiscard: () => void;
}

/** Offers back what was typed on this screen before and never saved. */
export default function DraftOffer({ onRestore, onDiscard }: Props) {
  return (
    <Alert color="yellow" title="Unsaved changes from earlier">
      <Group>
        <Text size="sm">You left this screen without saving. Restore what you typed?</Text>
        <Button size="xs" onClick={onRestore}>
          Restore my changes
        </Button>
        <Button size="xs" variant="subtle" onClick={onDiscard}>
          Discard them
        </Button>
      </Group>
    </Alert>
  );
}
