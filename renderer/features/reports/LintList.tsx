import {
  Alert,
  Anchor,
  Badge,
  Checkbox,
  Group,
  List,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { CircleAlert, CircleCheck, TriangleAlert } from 'lucide-react';
import { Link } from 'react-router';
import type { ReportProblem } from '../../../shared/reports/schema';
import { fixLink, reportFieldId } from './lintLinks';

function FixLink({ problem }: { problem: ReportProblem }) {
  const link = fixLink(problem.ref);
  if (link) {
    return (
      <Anchor component={Link} to={link.to} size="sm">
        {link.label}
      </Anchor>
    );
  }
  if (problem.ref.kind !== 'report') return null;
  const id = reportFieldId(problem.ref.field);
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => {
        const field = document.getElementById(id);
        field?.scrollIntoView({ block: 'center' });
        field?.focus();
      }}
    >
      Go to the field
    </Anchor>
  );
}

function ProblemItem({ problem }: { problem: ReportProblem }) {
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap" align="start">
        <Text size="sm" style={{ flex: 1 }}>
          {problem.message}
        </Text>
        <FixLink problem={problem} />
      </Group>
    </List.Item>
  );
}

interface Props {
  problems: readonly ReportProblem[];
  acknowledged: readonly string[];
  onAcknowledge: (code: string, checked: boolean) => void;
  canAcknowledge: boolean;
}

/**
 * What stands between the draft and its issue: errors (they block it) and warnings (each needs the
 * lead auditor's acknowledgement), every one with a link to where it is fixed.
 */
export default function LintList({ problems, acknowledged, onAcknowledge, canAcknowledge }: Props) {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const warningCodes = [...new Set(warnings.map((w) => w.code))];
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="report-lint-heading"
      data-testid="report-lint"
    >
      <Title order={2} size="h4" id="report-lint-heading" mb="xs">
        Before issue
      </Title>
      {problems.length === 0 ? (
        <Group gap="xs">
          <CircleCheck size={18} aria-hidden color="var(--mantine-color-green-7)" />
          <Text size="sm">Nothing stands in the way: the report can be issued.</Text>
        </Group>
      ) : (
        <Stack gap="sm">
          {errors.length > 0 && (
            <div>
              <Group gap={6} mb={4}>
                <CircleAlert size={16} aria-hidden color="var(--mantine-color-red-7)" />
                <Text fw={600} size="sm" c="red.8">
                  {errors.length} {errors.length === 1 ? 'error blocks' : 'errors block'} the issue
                </Text>
              </Group>
              <ScrollArea.Autosize mah={320} type="auto">
                <List size="sm" spacing={4} aria-label="Errors" data-testid="report-errors">
                  {errors.map((p, i) => (
                    <ProblemItem key={`${p.code}-${i}`} problem={p} />
                  ))}
                </List>
              </ScrollArea.Autosize>
            </div>
          )}
          {warnings.length > 0 && (
            <div>
              <Group gap={6} mb={4}>
                <TriangleAlert size={16} aria-hidden color="var(--mantine-color-yellow-8)" />
                <Text fw={600} size="sm">
                  {warnings.length} {warnings.length === 1 ? 'warning needs' : 'warnings need'} your
                  acknowledgement
                </Text>
              </Group>
              <Stack gap="xs" data-testid="report-warnings">
                {warningCodes.map((code) => {
                  const group = warnings.filter((w) => w.code === code);
                  const done = acknowledged.includes(code);
                  return (
                    <Alert key={code} color={done ? 'gray' : 'yellow'} variant="light" p="xs">
                      <List size="sm" spacing={4}>
                        {group.map((p, i) => (
                          <ProblemItem key={i} problem={p} />
                        ))}
                      </List>
                      <Group mt={6} gap="xs">
                        <Checkbox
                          size="sm"
                          label="I have checked this and accept it in the report"
                          checked={done}
                          disabled={!canAcknowledge}
                          onChange={(e) => onAcknowledge(code, e.currentTarget.checked)}
                        />
                        {done && (
                          <Badge color="gray" variant="light">
                            Acknowledged
                          </Badge>
                        )}
                      </Group>
                    </Alert>
                  );
                })}
              </Stack>
            </div>
          )}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        Which problems block the issue and which need an acknowledgement is an Audit Desk rule,
        following what ISO/IEC 17021-1 9.4.8 says an audit report contains.
      </Text>
    </Paper>
  );
}
