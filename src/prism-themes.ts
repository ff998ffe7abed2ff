import { themes, type PrismTheme } from 'prism-react-renderer';

/**
 * The code themes of the site: GitHub (light) and Dracula (dark) with the
 * token colours that fall below WCAG AA contrast (4.5:1) darkened or
 * lightened, so commands and their comments stay readable at 3 a.m. and
 * axe-core passes on procedure pages. tests/checklist/prism-themes.test.ts
 * checks every colour.
 */
const recolor = (theme: PrismTheme, colors: Record<string, string>): PrismTheme => ({
  ...theme,
  styles: theme.styles.map((style) => {
    const color = typeof style.style.color === 'string' ? colors[style.style.color] : undefined;
    return color ? { ...style, style: { ...style.style, color } } : style;
  }),
});

export const lightCodeTheme: PrismTheme = recolor(themes.github, {
  '#999988': '#5c6370', // comment
  '#e3116c': '#c2185b', // string
  '#36acaa': '#0b7471', // variable, number, constant
  '#00a4db': '#0a62c2', // keyword, attr-name
  '#d73a49': '#b31d28', // function
});

export const darkCodeTheme: PrismTheme = recolor(themes.dracula, {
  'rgb(98, 114, 164)': 'rgb(160, 174, 214)', // comment
});
