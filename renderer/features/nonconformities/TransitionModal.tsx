import {
  Alert,
  Button,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import {
  findingStateLabels,
  verificationMethodLabels,
  verificationMethods,
  type FindingEvent,
} from '../../../shared/findings/lifecycle';
import { findingTransitionSchema, type FindingDetail } from '../../../shared/findings/schema';
import { errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import AppModal from '../../ui/AppModal';
import { localToday } from '../audits/useAudits';
import {
  fieldsOf,
  transitionInput,
  type TransitionField,
  type TransitionValues,
} from './transitionForm';
import { missingFields } from './transitionRequired';
import { useFindingTransition } from './useFindings';

interface Props {
  detail: FindingDetail;
  event: FindingEvent;
  title: string;
  /** What was typed before (the form was closed without sending); kept until sent. */
  initial: TransitionValues;
  /** `initial` is what was typed earlier (then the form says so). */
  restored: boolean;
  /** Called as the values change, so the caller keeps them (on this computer) until sent. */
  onKeep: (values: TransitionValues) => void;
  /** After the service took it. */
  onSent: () => void;
  onDone: () => void;
}

const dateLabels: Record<FindingEvent, string> = {
  submitResponse: 'Date the response was received',
  reject: 'Date of the review',
  accept: 'Date of the review',
  verify: 'Date verified',
  close: 'Date closed',
  escalate: 'Date escalated',
  cancel: 'Date cancelled',
};

function intro(event: FindingEvent, d: FindingDetail): string {
  switch (event) {
    case 'submitResponse':
      return 'Record the response the client sent: the correction, the cause analysis and the corrective action (ISO/IEC 17021-1 9.4.9). The auditor does not prescribe them.';
    case 'reject':
      return `The finding goes back to ${findingStateLabels.open.toLowerCase()}; the response due date does not restart. Say why, so the client knows what to improve.`;
    case 'accept':
      return d.grade === 'major'
        ? 'The lead auditor accepts the response; effectiveness is verified next, before the certification decision (9.5.2).'
        : 'Accepting the plan lets the next certification decision go ahead; implementation is verified at the next audit.';
    case 'verify':
      return d.grade === 'minor'
        ? 'Record how effectiveness was verified (9.4.10). A minor found ineffective is escalated and a major is raised against the same requirement (Audit Desk rule, nonconformities.md 4.4).'
        : 'Record how effectiveness was verified (9.4.10). A major found ineffective goes back to open.';
    case 'close':
      return 'Closing ends the finding’s life cycle.';
    case 'escalate':
      return 'The minor’s corrective action was missing or ineffective: a major is raised against the same requirement and linked both ways (Audit Desk rule, nonconformities.md 4.4).';
    case 'cancel':
      return 'Cancelling is for a finding graded in error or an appeal upheld; a CB reviewer who was not on the audit team does it.';
  }
}

/** The form of one life-cycle action; errors from the service show at their field, text stays. */
export default function TransitionModal({
  detail,
  event,
  title,
  initial,
  restored,
  onKeep,
  onSent,
  onDone,
}: Props) {
  const transition = useFindingTransition();
  const [banner, setBanner] = useState<string | null>(null);
  // As it was when the form opened: typing now keeps the values too, which is not "restored".
  const [wasRestored] = useState(restored);
  const form = useForm<TransitionValues>({
    mode: 'controlled',
    initialValues: initial,
    onValuesChange: onKeep,
  });
  const shown = fieldsOf[event];
  const has = (f: TransitionField) => shown.includes(f);
  const reasonRequired = event === 'reject' || event === 'escalate' || event === 'cancel';

  const close = () => {
    onKeep(form.getValues());
    onDone();
  };

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const input = transitionInput(detail.id, event, values);
    const errors = {
      ...missingFields(event, values),
      ...schemaErrors(findingTransitionSchema, input),
    };
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      setBanner('Not saved: each field marked says what is missing. What you typed is kept.');
      return;
    }
    try {
      const after = await transition.mutateAsync(findingTransitionSchema.parse(input));
      notifications.show({
        color: 'green',
        message: `${title}: done. The finding is now ${findingStateLabels[after.state].toLowerCase()}.`,
      });
      onSent();
    } catch (error) {
      const fieldError = serverFieldError(error);
      const field = fieldError ? Object.keys(fieldError)[0] : undefined;
      if (fieldError && field && (shown as readonly string[]).includes(field)) {
        form.setErrors(fieldError);
        setBanner('Not saved: the field marked says what is missing. What you typed is kept.');
      } else {
        setBanner(`Not saved: ${errorMessage(error)} What you typed is kept.`);
      }
    }
  });

  return (
    <AppModal opened onClose={close} title={title} size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Text size="sm">{intro(event, detail)}</Text>
          {wasRestored && (
            <Text size="sm" c="dimmed">
              What you typed earlier is back; it is kept until this step is recorded.
            </Text>
          )}
          {banner && (
            <Alert color="red" role="alert">
              {banner}
            </Alert>
          )}
          {has('correction') && (
            <>
              <Textarea
                label="Correction"
                description="What the client did to remove the nonconformity now."
                withAsterisk
                autosize
                minRows={2}
                {...form.getInputProps('correction')}
              />
              <Textarea
                label="Root cause"
                description="The client’s cause analysis: why it happened."
                withAsterisk
                autosize
                minRows={2}
                {...form.getInputProps('rootCause')}
              />
              <Textarea
                label="Corrective action"
                description="What stops it happening again."
                withAsterisk
                autosize
                minRows={2}
                {...form.getInputProps('correctiveAction')}
              />
              <TextInput
                type="date"
                label="Planned completion"
                description="When the client plans to have the corrective action done."
                {...form.getInputProps('plannedCompletion')}
              />
            </>
          )}
          {has('method') && (
            <>
              <Select
                label="Verification method"
                withAsterisk
                placeholder="Choose how effectiveness was verified"
                data={verificationMethods.map((m) => ({
                  value: m,
                  label: verificationMethodLabels[m],
                }))}
                {...form.getInputProps('method')}
                value={form.values.method === '' ? null : form.values.method}
                onChange={(v) => form.setFieldValue('method', v ?? '')}
              />
              <Radio.Group
                label="Were the correction and corrective action effective?"
                withAsterisk
                {...form.getInputProps('effective')}
              >
                <Group mt={4}>
                  <Radio value="yes" label="Yes, effective" />
                  <Radio value="no" label="No, not effective" />
                </Group>
              </Radio.Group>
            </>
          )}
          {has('reason') && (
            <Textarea
              label={reasonRequired ? 'Reason' : 'Comment'}
              withAsterisk={reasonRequired}
              autosize
              minRows={2}
              {...form.getInputProps('reason')}
            />
          )}
          {has('evidence') && (
            <Textarea
              label={event === 'escalate' ? 'What was found (objective evidence)' : 'Evidence'}
              description={
                event === 'escalate'
                  ? 'Becomes the objective evidence of the new major.'
                  : 'What was reviewed or seen that shows the outcome.'
              }
              autosize
              minRows={2}
              {...form.getInputProps('evidence')}
            />
          )}
          <TextInput
            type="date"
            label={dateLabels[event]}
            withAsterisk
            max={localToday()}
            {...form.getInputProps('onDate')}
          />
          <Group justify="end">
            <Button variant="default" onClick={close}>
              Not now
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
