import { ActionIcon } from '@mantine/core';
import { CalendarArrowDown } from 'lucide-react';
import { hasAnyRole, type Person } from '../../../shared/people/schema';
import { call } from '../../api';
import { useCalendarDownload } from './useCalendarDownload';

/** Downloads every audit a person is on as one .ics file; shown for people who audit. */
export default function PersonCalendarButton({ person }: { person: Person }) {
  const download = useCalendarDownload(() => call('personCalendarFile', { id: person.id }));
  if (!hasAnyRole(person, ['auditor', 'lead_auditor', 'technical_expert'])) return null;
  const label = `Download the audit calendar of ${person.name}`;
  return (
    // A native title rather than a floating tooltip: no extra layer outside the page's landmarks.
    <ActionIcon
      variant="subtle"
      aria-label={label}
      title={label}
      loading={download.isPending}
      onClick={() => download.mutate()}
    >
      <CalendarArrowDown size={16} aria-hidden />
    </ActionIcon>
  );
}
