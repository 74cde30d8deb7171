import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import {
  decisionKindHints,
  decisionKindLabels,
  issuingDecisionKinds,
  scopeDecisionKinds,
} from '../../../shared/certificates/decision-rules';
import type { CertificationDecisionContext } from '../../../shared/certificates/schema';
import type { DecisionKind } from '../../../shared/findings/decisions';

export interface DecisionValues {
  kind: DecisionKind;
  decisionDate: string;
  reasons: string;
  conditions: string;
  scopeText: string;
}

interface Props {
  form: UseFormReturnType<DecisionValues>;
  context: CertificationDecisionContext;
  today: string;
  saving: boolean;
  notices: ReactNode;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
}

function CertificatePreview({
  context,
  kind,
}: {
  context: CertificationDecisionContext;
  kind: DecisionKind;
}) {
  const preview = context.newCertificate;
  if (!issuingDecisionKinds.includes(kind) || !preview) return null;
  return (
    <Alert
      color="indigo"
      title="Certificate to be issued"
      role="note"
      data-testid="certificate-preview"
    >
      <Text size="sm">
        A new certificate for {context.client.legalName} (ISO/IEC 42001:2023), numbered when the
        decision is recorded, issued on the decision date
        {preview.expiryDate
          ? ` and valid until ${preview.expiryDate} (${kind === 'grant' ? 'three years from the decision, by the cycle rules' : kind === 'renew' || kind === 'restore' ? 'the next cycle, continuing from the previous expiry' : 'the same expiry: a scope change does not move the cycle'})`
          : ''}
        {preview.replacesNumber ? `, replacing certificate ${preview.replacesNumber}` : ''}. It
        covers all {context.client.legalName}’s sites.
      </Text>
    </Alert>
  );
}

/** The decision itself: kind, date, reasons, conditions and, where it issues a certificate, the scope. */
export default function DecisionForm({ form, context, today, saving, notices, onSubmit }: Props) {
  const kind = form.values.kind;
  const option = context.kinds.find((k) => k.kind === kind);
  const issuing = issuingDecisionKinds.includes(kind);
  const scopeRequired = scopeDecisionKinds.includes(kind);
  const defaultScope = context.newCertificate?.scopeText ?? '';
  return (
    <Card withBorder data-testid="decision-form">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            The decision
          </Title>
          {notices}
          <Select
            label="Decision"
            withAsterisk
            allowDeselect={false}
            data={context.kinds.map((k) => ({
              value: k.kind,
              label: `${decisionKindLabels[k.kind]}${k.allowed ? '' : ' (not possible now)'}`,
            }))}
            description={
              option?.allowed === false
                ? undefined
                : `${decisionKindLabels[kind]}: ${decisionKindHints[kind]}.`
            }
            {...form.getInputProps('kind')}
            error={form.errors.kind ?? (option?.allowed === false ? option.reason : undefined)}
            onChange={(value) => {
              if (!value) return;
              const next = value as DecisionKind;
              form.setFieldValue('kind', next);
              if (scopeDecisionKinds.includes(next) && form.values.scopeText.trim() === '') {
                form.setFieldValue('scopeText', context.currentCertificate?.scopeText ?? '');
              }
            }}
          />
          <TextInput
            type="date"
            label="Date of the decision"
            withAsterisk
            max={today}
            {...form.getInputProps('decisionDate')}
          />
          <Textarea
            label="Reasons"
            withAsterisk
            description="Why this decision: what in the report, the findings and the recommendation it rests on."
            autosize
            minRows={3}
            {...form.getInputProps('reasons')}
          />
          <Textarea
            label="Conditions"
            description="Anything the client must do, e.g. implement the corrective actions for minor nonconformities before the next surveillance (optional)."
            autosize
            minRows={2}
            {...form.getInputProps('conditions')}
          />
          {issuing && (
            <Textarea
              label={scopeRequired ? 'New scope of certification' : 'Scope of certification'}
              withAsterisk={scopeRequired}
              description={
                scopeRequired
                  ? 'The scope the new certificate states.'
                  : `Leave empty to keep: ${defaultScope || '(no scope recorded yet: enter it)'}`
              }
              autosize
              minRows={2}
              {...form.getInputProps('scopeText')}
            />
          )}
          <CertificatePreview context={context} kind={kind} />
          <Group justify="end">
            <Button type="submit" loading={saving}>
              Record decision
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
