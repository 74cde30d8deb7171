import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * Shown while a report is being rendered, once it has taken longer than a second (a long report's
 * PDF takes a few seconds): the words say what is happening, the moving bar that it still is.
 * Rendering is one step with no partial progress to report, so the bar does not claim a share.
 */
export default function RenderProgress({ pending, what }: { pending: boolean; what: string }) {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setSlow(true), 1000);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [pending]);
  if (!pending || !slow) return null;
  return (
    <Stack gap={4} mt="xs" role="status" data-testid="report-render-progress">
      <Text size="sm">{what}</Text>
      <Progress value={100} striped animated size="sm" aria-hidden />
    </Stack>
  );
}
