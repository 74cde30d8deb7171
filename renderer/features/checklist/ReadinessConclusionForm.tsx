import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ClipboardCheck } from 'lucide-react';
import { readinessConclusionSchema } from '../../../shared/checklists/schema';
import { ApiError } from '../../api';
import { schemaErrors } from '../../forms';
import { useSavedForm } from '../../ui/useSavedForm';
import { readinessDraftKey, useRecordReadinessConclusion } from './useChecklistPlanning';

interface ConclusionValues {
  conclusion: '' | 'ready' | 'not_ready';
  summary: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Refusals of the conclusion (items unmarked or not ready, not allowed) show at the choice. */
function atConclusionField(error: unknown): unknown {
  if (error instanceof ApiError && error.field !== 'summary') {
    return new ApiError({ code: error.code, message: error.message, field: 'conclusion' });
  }
  return error;
}

/**
 * The readiness conclusion (ready for Stage 2 or not) with its summary. The server refuses a
 * conclusion while items are unmarked, and "ready" while one is not ready: said at the choice.
 */
export default function ReadinessConclusionForm({
  auditId,
  unmarked,
  notReady,
  recorded,
  onClose,
}: {
  auditId: string;
  unmarked: number;
  notReady: number;
  recorded: boolean;
  onClose: () => void;
}) {
  const record = useRecordReadinessConclusion(auditId);
  const form = useForm<ConclusionValues>({
    mode: 'controlled',
    initialValues: { conclusion: '', summary: '' },
  });
  const { saving, onSubmit, notices, guard } = useSavedForm(form, {
    draftKey: readinessDraftKey(auditId),
    check: (values) => schemaErrors(readinessConclusionSchema, { auditId, ...values }),
    save: async (values) => {
      try {
        const saved = await record({
          conclusion: values.conclusion === 'ready' ? 'ready' : 'not_ready',
          summary: values.summary,
        });
        form.setInitialValues({ conclusion: '', summary: '' });
        form.reset();
        onClose();
        notifications.show({
          color: 'green',
          message:
            saved.conclusion === 'ready'
              ? 'Stage 1 concluded: ready for Stage 2.'
              : 'Stage 1 concluded: not ready for Stage 2.',
        });
      } catch (error) {
        throw atConclusionField(error);
      }
    },
  });

  const hints = [
    unmarked > 0
      ? `${plural(unmarked, 'item is', 'items are')} not marked yet; a conclusion needs every item marked.`
      : '',
    notReady > 0
      ? `${plural(notReady, 'item is', 'items are')} marked not ready; while so, Stage 1 can only be concluded not ready.`
      : '',
  ].filter(Boolean);

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Readiness conclusion">
      <Stack>
        {notices}
        <Radio.Group
          label={recorded ? 'New readiness conclusion' : 'Readiness conclusion'}
          description={
            hints.join(' ') || 'Every item is marked; concerns are carried into Stage 2.'
          }
          withAsterisk
          {...form.getInputProps('conclusion')}
        >
          <Group mt="xs">
            <Radio value="ready" label="Ready for Stage 2" />
            <Radio value="not_ready" label="Not ready for Stage 2" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Summary"
          description="What is ready, what is of concern, and what the client must do before Stage 2."
          withAsterisk
          autosize
          minRows={3}
          {...form.getInputProps('summary')}
        />
        <Group>
          <Button
            type="submit"
            loading={saving}
            leftSection={<ClipboardCheck size={16} aria-hidden />}
          >
            Record readiness conclusion
          </Button>
          {recorded && (
            <Button variant="default" onClick={onClose}>
              Keep the recorded conclusion
            </Button>
          )}
        </Group>
      </Stack>
      {guard}
    </form>
  );
}
