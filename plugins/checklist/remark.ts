import { relative, sep } from 'node:path';
import type { Code, Heading, Nodes, Parents, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { docModelFromTree } from '../../core/parse.js';
import { extractProcedure, isStepLang, parseStepMeta } from '../../core/steps.js';
import { routeOf } from '../../core/routes.js';
import { docTitleOf, progressVersion } from './procedure.js';

/**
 * remark plugin of the executable checklists. It annotates and renders
 * nothing itself: each step's fenced block becomes a `<ChecklistStep>` JSX
 * element, a `<ChecklistDoc>` (summary, parameters, progress, run log) goes
 * after the title and a `<ChecklistSection>` after each h2 that holds steps.
 * The theme components (src/components/Checklist) render them.
 *
 * Every attribute is a plain string (JSON for lists): MDX compiles those to
 * string literals, so no command text is ever read as HTML or JSX.
 */
export interface ChecklistRemarkOptions {
  /** Absolute path of the docs folder; default: the part of the file path up to its last `/docs/`. */
  docsDir?: string;
  /** The docs plugin's route base path (default `/docs`). */
  routeBasePath?: string;
}

/** What the page components receive about the doc (the `doc` attribute of every element). */
export interface ChecklistDocInfo {
  /** Doc id, the key of the saved progress. */
  doc: string;
  /** Front matter `version`, or a hash of the steps when the doc has none. */
  version: string;
}

type Attributes = Record<string, string | number | boolean | null | undefined>;

function element(name: string, attributes: Attributes, position?: Code['position']): MdxJsxFlowElement {
  const attrs: MdxJsxAttribute[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    attrs.push({ type: 'mdxJsxAttribute', name: key, value: String(value) });
  }
  return { type: 'mdxJsxFlowElement', name, attributes: attrs, children: [], ...(position ? { position } : {}) };
}

function docPathOf(filePath: string, docsDir: string | undefined): string {
  if (docsDir) return relative(docsDir, filePath).split(sep).join('/');
  const normalized = filePath.split(sep).join('/');
  const at = normalized.lastIndexOf('/docs/');
  return at === -1 ? normalized.split('/').pop()! : normalized.slice(at + '/docs/'.length);
}

function hasSteps(tree: Root): boolean {
  const walk = (node: Nodes): boolean =>
    (node.type === 'code' && isStepLang(node.lang?.toLowerCase() ?? null) && !parseStepMeta(node.meta ?? null).skip) ||
    ('children' in node && (node.children as Nodes[]).some(walk));
  return walk(tree);
}

interface Located<T> {
  node: T;
  parent: Parents;
}

/**
 * The code blocks and h2s of the tree in document order, and the top-level
 * node holding the first h1 (Docusaurus wraps the title in a `<header>`).
 */
function collect(tree: Root): { codes: Located<Code>[]; h2s: Located<Heading>[]; titleNode: RootContent | null } {
  const codes: Located<Code>[] = [];
  const h2s: Located<Heading>[] = [];
  let titleNode: RootContent | null = null;
  const walk = (node: Nodes, parent: Parents, top: RootContent): void => {
    if (node.type === 'code') codes.push({ node, parent });
    else if (node.type === 'heading') {
      if (node.depth === 2) h2s.push({ node, parent });
      else if (node.depth === 1 && !titleNode) titleNode = top;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child, node as Parents, top);
  };
  for (const child of tree.children) walk(child, tree, child);
  return { codes, h2s, titleNode };
}

function formatMinutes(minutes: number | null): string | null {
  return minutes === null ? null : String(Math.round(minutes * 1000) / 1000);
}

export default function remarkChecklist(options: ChecklistRemarkOptions = {}) {
  return (tree: Root, file: VFile): void => {
    if (!hasSteps(tree)) return;
    const path = file.path ?? 'doc.md';
    // The core's model of the tree the site parsed (no second parse), read
    // before this plugin changes it: the same steps `handbook export` finds.
    const model = docModelFromTree({ path, text: String(file.value), tree });
    const procedure = extractProcedure(model);
    if (procedure.steps.length === 0) return;
    const route = routeOf(docPathOf(path, options.docsDir), model.frontMatter.data, options.routeBasePath ?? '/docs');
    const info: ChecklistDocInfo = { doc: route.id, version: progressVersion(model, procedure) };

    const { codes, h2s, titleNode } = collect(tree);
    // The model was read from this very tree, so the step blocks line up one
    // to one in document order; if they ever do not, leave plain code blocks.
    const stepCodes = codes.filter(({ node }) => isStepLang(node.lang?.toLowerCase() ?? null) && !parseStepMeta(node.meta ?? null).skip);
    if (stepCodes.length !== procedure.steps.length) {
      file.message(`Checklist not rendered: ${stepCodes.length} shell blocks on the page but ${procedure.steps.length} steps extracted`);
      return;
    }

    stepCodes.forEach(({ node, parent }, i) => {
      const step = procedure.steps[i]!;
      const meta = parseStepMeta(node.meta ?? null);
      const at = parent.children.indexOf(node as never);
      const replacement = element(
        'ChecklistStep',
        {
          ...info,
          id: step.id,
          title: step.title,
          section: step.section,
          index: step.index,
          lang: step.lang,
          code: node.value,
          command: step.command,
          expect: step.expect,
          minutes: formatMinutes(step.timeMinutes),
          danger: step.danger ? 'true' : null,
          meta: meta.rest || null,
          params: step.params.length > 0 ? step.params.join(' ') : null,
        },
        node.position,
      );
      // An expected-output block right after the step is shown inside the step.
      const next = parent.children[at + 1] as RootContent | undefined;
      const removeNext = next?.type === 'code' && /^(text|output)$/i.test(next.lang ?? '') && step.expect !== null && next.value.trim() === step.expect;
      (parent.children as RootContent[]).splice(at, removeNext ? 2 : 1, replacement as RootContent);
    });

    // A summary under each h2 that holds steps (the k-th h2 of the tree is the k-th of the model).
    const modelH2s = model.headings.filter((h) => h.depth === 2);
    h2s.forEach(({ node, parent }, k) => {
      const anchor = modelH2s[k]?.anchor ?? null;
      const steps = procedure.steps.filter((s) => s.section !== null && s.sectionAnchor === anchor);
      if (steps.length === 0 || anchor === null) return;
      const at = parent.children.indexOf(node as never);
      const summary = element('ChecklistSection', { ...info, section: modelH2s[k]!.text, steps: JSON.stringify(steps.map((s) => [s.id, s.timeMinutes])) });
      (parent.children as RootContent[]).splice(at + 1, 0, summary as RootContent);
    });

    const title = docTitleOf(model, route.id);
    const panel = element('ChecklistDoc', {
      ...info,
      title,
      permalink: route.permalink,
      params: JSON.stringify(Object.values(procedure.params)),
      steps: JSON.stringify(procedure.steps.map((s) => ({ id: s.id, title: s.title, section: s.section, minutes: s.timeMinutes, danger: s.danger }))),
    });
    if (titleNode) {
      tree.children.splice(tree.children.indexOf(titleNode) + 1, 0, panel as RootContent);
    } else {
      let at = 0;
      while (at < tree.children.length && /^(yaml|toml|mdxjsEsm)$/.test(tree.children[at]!.type)) at++;
      tree.children.splice(at, 0, panel as RootContent);
    }
  };
}
