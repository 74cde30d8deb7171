import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Lightbulb } from 'lucide-react';
import { useState } from 'react';
import {
  findingGradeLabels,
  findingGrades,
  gradeFindingSchema,
  type FindingDetail,
  type FindingGrade,
} from '../../../shared/findings/schema';
import { errorMessage } from '../../api';
import { schemaErrors, serverFieldError } from '../../forms';
import GradeBadge from './GradeBadge';
import { useGradeFinding } from './useFindings';

interface Values {
  grade: FindingGrade | '';
  gradeRationale: string;
}

function MajorSuggestion({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <Alert
      color="yellow"
      icon={<Lightbulb size={18} aria-hidden />}
      title="Audit Desk suggests major"
      data-testid="major-suggestion"
    >
      <Text size="sm">Audit Desk suggests major because:</Text>
      <List size="sm" spacing={2} mt={4}>
        {reasons.map((r) => (
          <List.Item key={r}>{r}</List.Item>
        ))}
      </List>
      <Text size="sm" mt={4}>
        A grading aid of Audit Desk, not of the standard: the lead auditor decides and records why.
      </Text>
    </Alert>
  );
}

function GradeForm({ detail }: { detail: FindingDetail }) {
  const grade = useGradeFinding();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { grade: detail.grade ?? '', gradeRationale: detail.gradeRationale },
  });

  const submit = form.onSubmit(async (values) => {
    setBanner(null);
    const input = { id: detail.id, grade: values.grade, gradeRationale: values.gradeRationale };
    const errors = schemaErrors(gradeFindingSchema, input);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    try {
      const saved = await grade.mutateAsync(gradeFindingSchema.parse(input));
      form.resetDirty({ grade: saved.grade ?? '', gradeRationale: saved.gradeRationale });
      notifications.show({
        color: 'green',
        message: `Graded ${saved.grade ? findingGradeLabels[saved.grade].toLowerCase() : ''}.`,
      });
    } catch (error) {
      const fieldError = serverFieldError(error);
      if (fieldError) form.setErrors(fieldError);
      else setBanner(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {banner && (
          <Alert color="red" role="alert">
            {banner}
          </Alert>
        )}
        <Select
          label="Grade"
          withAsterisk
          placeholder="Choose major, minor or OFI"
          data={findingGrades.map((g) => ({ value: g, label: findingGradeLabels[g] }))}
          {...form.getInputProps('grade')}
          value={form.values.grade === '' ? null : form.values.grade}
          onChange={(v) => form.setFieldValue('grade', (v ?? '') as FindingGrade | '')}
        />
        <Textarea
          label="Rationale"
          description="Required for a major: why is the system’s capability to achieve its intended results affected (ISO/IEC 17021-1 3.12)?"
          withAsterisk={form.values.grade === 'major'}
          autosize
          minRows={2}
          {...form.getInputProps('gradeRationale')}
        />
        <Group justify="end">
          <Button type="submit" loading={grade.isPending}>
            {detail.grade === null ? 'Grade the finding' : 'Change the grade'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The lead auditor's grading (nonconformities.md 1): a major needs a rationale; the grade is fixed
 * once the client has responded, and a real nonconformity is never downgraded to an OFI after that.
 */
export default function GradingPanel({
  detail,
  isLeadAuditor,
}: {
  detail: FindingDetail;
  isLeadAuditor: boolean;
}) {
  const gradable = detail.state === 'open' && detail.response === null;
  const why = !gradable
    ? 'The grade is fixed once the client has responded to it.'
    : !isLeadAuditor
      ? 'Only the lead auditor of this audit grades its findings.'
      : null;
  return (
    <Card withBorder data-testid="grading-panel">
      <Title order={2} size="h4" mb="sm">
        Grade
      </Title>
      <Stack gap="sm">
        {gradable && <MajorSuggestion reasons={detail.majorSuggestion} />}
        {why === null ? (
          <GradeForm key={`${detail.id}:${detail.grade ?? ''}`} detail={detail} />
        ) : (
          <>
            <Group gap="xs">
              <GradeBadge grade={detail.grade} long />
            </Group>
            {detail.gradeRationale && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {detail.gradeRationale}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {why}
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
