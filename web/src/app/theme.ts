import { createTheme, darken, type CSSVariablesResolver } from '@mantine/core';

/** Colours chosen for WCAG AA contrast: the darker shades of indigo on white. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'md',
  focusRing: 'auto',
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
});

// NOTE: Mantine's defaults fall below 4.5:1 in three places, measured with axe: the "dimmed"
// grey (gray.6 on white), the error red (red.6 on white), and the text of light variants
// (shade 9 on shade 1, e.g. a green alert's title). Each is darkened here.
export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const lightColors: Record<string, string> = {};
  for (const [name, shades] of Object.entries(resolved.colors)) {
    lightColors[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.3);
  }
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-error': 'var(--mantine-color-red-8)',
      ...lightColors,
    },
    dark: {},
  };
};
