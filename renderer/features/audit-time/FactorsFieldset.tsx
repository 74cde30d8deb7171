import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { Trash2 } from 'lucide-react';
import type { AuditTimeFactor, AuditTimeTable } from '../../../shared/audit-time';
import type { CalculationFormState, FieldProps } from './fieldProps';
import SourceBadge from './SourceBadge';

interface Props {
  form: CalculationFormState;
  field: FieldProps;
  table: AuditTimeTable;
}

const range = (f: AuditTimeFactor) => `${f.min}% to ${f.max}%`;

/** The bound nearest zero: the smallest adjustment the factor allows, a safe place to start. */
const startingPercent = (f: AuditTimeFactor) => (f.min > 0 ? f.min : f.max < 0 ? f.max : 0);

/** Adjustment factors from the table's catalogue, each within its range and with a reason. */
export default function FactorsFieldset({ form, field, table }: Props) {
  const chosen = form.values.factors;
  const available = table.factors.filter((f) => !chosen.some((c) => c.code === f.code));
  const reductionCap = table.reductionCap.percent;
  return (
    <Fieldset legend="Adjustment factors">
      <Stack>
        <Text size="sm">
          Each factor raises or lowers the table value within its allowed range; the reductions
          together may not exceed {reductionCap}% (IAF MD 5). Give the reason for each.
        </Text>
        {chosen.map((entry, i) => {
          const factor = table.factors.find((f) => f.code === entry.code);
          return (
            <Paper
              key={entry.code}
              withBorder
              p="sm"
              role="group"
              aria-label={`Factor ${entry.code}`}
            >
              <Group justify="space-between" mb="xs">
                <div>
                  <Text fw={600}>{entry.code}</Text>
                  <Text size="sm">{factor?.meaning ?? 'Not in this table'}</Text>
                </div>
                <Group gap="xs">
                  {factor && <SourceBadge source={factor.source} />}
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    leftSection={<Trash2 size={14} aria-hidden />}
                    onClick={() => form.removeListItem('factors', i)}
                  >
                    Remove {entry.code}
                  </Button>
                </Group>
              </Group>
              <Group align="start" grow>
                <NumberInput
                  label={`${entry.code} percentage`}
                  description={factor ? `Allowed: ${range(factor)}` : undefined}
                  suffix="%"
                  allowDecimal={false}
                  clampBehavior="none"
                  maw={260}
                  {...field(`factors.${i}.percent`)}
                />
                <Textarea
                  label={`Reason for ${entry.code}`}
                  description="What about this client justifies it"
                  autosize
                  minRows={1}
                  withAsterisk
                  {...field(`factors.${i}.reason`)}
                />
              </Group>
            </Paper>
          );
        })}
        {available.length > 0 && (
          <Select
            label="Add a factor from the catalogue"
            placeholder="Choose a factor"
            value={null}
            data={available.map((f) => ({
              value: f.code,
              label: `${f.code}: ${f.meaning} (${range(f)})`,
            }))}
            onChange={(code) => {
              const factor = available.find((f) => f.code === code);
              if (factor) {
                form.insertListItem('factors', {
                  code: factor.code,
                  percent: startingPercent(factor),
                  reason: '',
                });
              }
            }}
            maw={620}
          />
        )}
      </Stack>
    </Fieldset>
  );
}
