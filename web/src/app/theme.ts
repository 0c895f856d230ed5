import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

// NOTE: Mantine caps the text of a `subtle` button at shade 6 even when a darker shade is asked
// for (`color="gray.8"` gives gray.6 text, 3.3:1 on white): the shade asked for is kept here.
export const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'subtle' || !input.color) return resolved;
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade === undefined) return resolved;
  return { ...resolved, color: `var(--mantine-color-${parsed.color}-${parsed.shade})` };
};

/** Colours chosen for WCAG AA contrast: the darker shades of indigo on white. */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  defaultRadius: 'md',
  focusRing: 'auto',
  respectReducedMotion: true,
  variantColorResolver,
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
