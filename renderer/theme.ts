import { Badge, createTheme, Notification } from '@mantine/core';

// Shade 8, a darker "dimmed" (styles.css) and dot badges keep text at WCAG AA contrast, which the
// e2e suite checks with axe on every screen.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  autoContrast: true,
  // People who ask their system for less motion get none (also what the e2e suite runs with).
  respectReducedMotion: true,
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '600' },
  components: {
    Badge: Badge.extend({ defaultProps: { variant: 'dot' } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close notification' } },
    }),
  },
});
