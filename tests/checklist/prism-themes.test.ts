import { describe, expect, it } from 'vitest';
import { darkCodeTheme, lightCodeTheme } from '../../src/prism-themes.js';

function channels(color: string): number[] {
  const rgb = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const hex = color.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
}

function luminance(color: string): number {
  const [r, g, b] = channels(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
};

describe('code themes', () => {
  it.each([
    ['light', lightCodeTheme],
    ['dark', darkCodeTheme],
  ] as const)('every %s token colour has at least 4.5:1 contrast', (_name, theme) => {
    const background = theme.plain.backgroundColor!;
    const low = theme.styles
      .filter((s) => typeof s.style.color === 'string')
      .map((s) => [s.types.join(','), s.style.color!, Math.round(contrast(s.style.color!, background) * 100) / 100] as const)
      .filter(([, , ratio]) => ratio < 4.5);
    expect(low).toEqual([]);
  });
});
