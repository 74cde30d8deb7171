import { Button } from '@mantine/core';
import { CalendarArrowDown } from 'lucide-react';
import { call } from '../../api';
import { useCalendarDownload } from './useCalendarDownload';

/**
 * Downloads one audit as an .ics file (all its days, sites, team) to send to the team; importing
 * it again later updates the event rather than adding a second one.
 */
export default function AuditCalendarButton({ auditId }: { auditId: string }) {
  const download = useCalendarDownload(() => call('auditCalendarFile', { id: auditId }));
  return (
    <Button
      variant="default"
      leftSection={<CalendarArrowDown size={16} aria-hidden />}
      loading={download.isPending}
      onClick={() => download.mutate()}
    >
      Download calendar file
    </Button>
  );
}
