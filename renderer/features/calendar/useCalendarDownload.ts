import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { CalendarFile } from '../../../shared/programme/programme-schema';
import { errorMessage } from '../../api';
import { saveCalendarFile } from './saveCalendarFile';

/** Fetches a calendar file and saves it; says why when there is nothing to export. */
export function useCalendarDownload(fetchFile: () => Promise<CalendarFile>) {
  return useMutation({
    mutationFn: fetchFile,
    onSuccess: (file) => {
      saveCalendarFile(file);
      notifications.show({ color: 'green', message: `${file.fileName} saved to your downloads.` });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
}
