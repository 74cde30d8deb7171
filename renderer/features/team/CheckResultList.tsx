import { Alert, Badge, Group, Stack, Text, Textarea } from '@mantine/core';
import { CircleAlert, TriangleAlert } from 'lucide-react';
import {
  teamCheckLabels,
  type TeamCheck,
  type TeamCheckResult,
} from '../../../shared/programme/team-checks';

interface Props {
  results: readonly TeamCheckResult[];
  /** Needed for the override fields; without it the list only explains. */
  reasons?: Record<string, string>;
  reasonKey?: (personId: string, check: TeamCheck) => string;
  onReason?: (personId: string, check: TeamCheck, reason: string) => void;
  /** Names the person in the override field's label. */
  nameOf?: (personId: string) => string;
}

/** Every failed check, explained: blocks in red, warnings in yellow, override reasons inline. */
export default function CheckResultList({ results, reasons, reasonKey, onReason, nameOf }: Props) {
  if (results.length === 0) return null;
  return (
    <Stack gap="xs">
      {results.map((r, i) => {
        const block = r.severity === 'block';
        const key = r.personId !== undefined && reasonKey ? reasonKey(r.personId, r.check) : null;
        const editable = block && r.overridable && key !== null && onReason && reasons;
        return (
          <Alert
            key={`${r.check}-${r.personId ?? 'team'}-${i}`}
            color={block ? 'red' : 'yellow'}
            variant="light"
            icon={
              block ? (
                <CircleAlert size={18} aria-hidden />
              ) : (
                <TriangleAlert size={18} aria-hidden />
              )
            }
            title={
              <Group gap="xs">
                <Text span fw={600} size="sm">
                  {teamCheckLabels[r.check]}
                </Text>
                <Badge size="sm" color={block ? 'red' : 'yellow'}>
                  {block ? (r.overridable ? 'Blocks unless overridden' : 'Blocks') : 'Warning'}
                </Badge>
              </Group>
            }
          >
            <Stack gap="xs">
              <Text size="sm">{r.message}</Text>
              {editable && r.personId !== undefined && (
                <Textarea
                  label={`Reason to override: ${teamCheckLabels[r.check]} (${nameOf?.(r.personId) ?? 'member'})`}
                  description="Recorded with the team; without it the team cannot be saved."
                  autosize
                  minRows={1}
                  value={reasons[key] ?? ''}
                  onChange={(e) => onReason(r.personId ?? '', r.check, e.currentTarget.value)}
                />
              )}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
}
