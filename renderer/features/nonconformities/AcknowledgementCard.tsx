import { Alert, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { terminalStates } from '../../../shared/findings/lifecycle';
import { acknowledgeFindingSchema, type FindingDetail } from '../../../shared/findings/schema';
import { errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import { localToday } from '../audits/useAudits';
import { useAcknowledgeFinding } from './useFindings';

interface Values {
  acknowledgedBy: string;
  acknowledgedOn: string;
  note: string;
}

function AcknowledgementForm({ detail, onDone }: { detail: FindingDetail; onDone: () => void }) {
  const acknowledge = useAcknowledgeFinding();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      acknowledgedBy: detail.clientAcknowledgedBy ?? '',
      acknowledgedOn: detail.acknowledgedOn ?? localToday(),
      note: detail.acknowledgementNote,
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const input = { id: detail.id, ...values };
    const errors = schemaErrors(acknowledgeFindingSchema, input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    try {
      await acknowledge.mutateAsync(acknowledgeFindingSchema.parse(input));
      notifications.show({ color: 'green', message: 'The client’s acknowledgement is recorded.' });
      onDone();
    } catch (error) {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Client acknowledgement">
      <Stack gap="sm">
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
        <Group grow align="start">
          <TextInput
            label="Acknowledged by (client’s representative)"
            withAsterisk
            {...form.getInputProps('acknowledgedBy')}
          />
          <TextInput
            type="date"
            label="Acknowledged on"
            withAsterisk
            max={localToday()}
            {...form.getInputProps('acknowledgedOn')}
          />
        </Group>
        <Textarea
          label="Client’s comment or disagreement"
          description="A disagreement is recorded here; it does not stop the finding."
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <Group justify="end">
          {detail.clientAcknowledgedBy && (
            <Button variant="default" onClick={onDone}>
              Keep as it is
            </Button>
          )}
          <Button type="submit" loading={acknowledge.isPending}>
            Record acknowledgement
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The client's acknowledgement at the closing meeting (nonconformities.md 2). */
export default function AcknowledgementCard({
  detail,
  canRecord,
}: {
  detail: FindingDetail;
  /** The person is on the audit team (the service lets only them record it). */
  canRecord: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const finished = terminalStates.includes(detail.state);
  const recorded = detail.clientAcknowledgedBy !== null;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="sm">
        Client acknowledgement
      </Title>
      {recorded && !editing && (
        <Stack gap={4} data-testid="acknowledgement">
          <Text>
            Acknowledged by {detail.clientAcknowledgedBy} on {detail.acknowledgedOn}.
          </Text>
          {detail.acknowledgementNote && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              Comment: {detail.acknowledgementNote}
            </Text>
          )}
          {!finished && canRecord && (
            <Group>
              <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
                Correct the acknowledgement
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {!recorded && finished && (
        <Text size="sm" c="dimmed">
          No acknowledgement was recorded.
        </Text>
      )}
      {!recorded && !finished && !canRecord && (
        <Text size="sm" c="dimmed" data-testid="acknowledgement-not-yet">
          Not recorded yet. A member of the audit team records it at the closing meeting.
        </Text>
      )}
      {!finished && canRecord && (!recorded || editing) && (
        <AcknowledgementForm detail={detail} onDone={() => setEditing(false)} />
      )}
    </Card>
  );
}
