import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Colours chosen for WCAG AA contrast: the darker shades of indigo on white. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'md',
  focusRing: 'auto',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
});

// NOTE: Mantine's default "dimmed" grey (gray.6) is below 4.5:1 on white; gray.7 passes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
