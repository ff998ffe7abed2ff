import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/** The element the theme renders as a system's alert table (src/theme/MDXComponents.tsx). */
export const ALERTS_TABLE_ELEMENT = 'alertstable';

/**
 * Turns the leaf directive `::alerts{system="abathur"}` into the element
 * `alertstable` with a `system` property: the theme's AlertsTable renders
 * that system's alerts from the alert files, which the doc's metadata
 * carries (plugins/docs, core/site/alerts.ts). Renders nothing itself.
 */
const remarkAlerts: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'leafDirective', (node) => {
    if (node.name !== 'alerts') return;
    const system = node.attributes?.system ?? '';
    node.data = { ...node.data, hName: ALERTS_TABLE_ELEMENT, hProperties: { system } };
    node.children = [];
  });
};

export default remarkAlerts;
