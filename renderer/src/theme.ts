import { createTheme, Modal, type CSSVariablesResolver } from '@mantine/core';

/** Default Mantine look, with darker shades so that text and filled buttons reach WCAG AA contrast. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif',
  defaultRadius: 'sm',
  cursorType: 'pointer',
  components: {
    // A modal's <header> would count as a second "banner" landmark (axe); its close button needs a French name.
    Modal: Modal.extend({
      defaultProps: { attributes: { header: { role: 'none' } }, closeButtonProps: { 'aria-label': 'Fermer' } },
    }),
  },
});

/** Mantine's default "dimmed" gray and error red are too light on white (contrast 3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    // confirmations in green text: dark enough for 4.5:1 on white (WCAG AA)
    '--clocher-color-success': '#1b5e20',
  },
  dark: {},
});
