import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Code, Heading, Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { CHECKLIST_ELEMENTS, type ChecklistDocInfo, type ChecklistStepData } from '../../core/page-contract.js';
import { extractProcedure, isStepLang, metaWithoutTitle, parseStepMeta, splitConsole } from '../../core/steps.js';
import { docusaurusRouteOf } from '../../lib/routes.js';
import { docTitleOf, progressVersion } from '../../core/procedure.js';
import { parseDocOnce } from '../../lib/models.js';
import type { MarkdownOptions } from '../../core/markdown.js';

/**
 * remark plugin of the executable checklists. It renders nothing itself: it
 * wraps the doc's content in one `checklistdoc` element that carries the
 * doc's checklist as data (ids, titles, sections, times, danger, parameters:
 * two JSON strings), puts a `checklistpanel` (summary, parameters, progress,
 * run log) after the title and a `checklistsection` after each h2 that holds
 * steps, and wraps each step's fenced block in a `checkliststep` that names
 * its step by position. The fenced block stays a code block, so the command
 * reaches the page once, as the code block's text, and is highlighted like
 * any other code block. The theme components (src/components/Checklist,
 * mapped in src/theme/MDXComponents.tsx) render them.
 *
 * Every property is a plain string (JSON for lists) and a code block's text
 * is a text node, so no command text is ever read as HTML or JSX.
 */
export interface ChecklistRemarkOptions {
  /** Absolute path of the docs folder; default: the part of the file path up to its last `/docs/`. */
  docsDir?: string;
  /** The docs plugin's route base path (default `/docs`). */
  routeBasePath?: string;
  /** Absolute path of the site: the model is keyed by the doc's path relative to it, as the corpus keys it (default: `docs/` and the path in the docs folder). */
  siteDir?: string;
  /** How the site reads Markdown (its `markdown.format`, `mdx1Compat`, remark-math: lib/site-markdown.ts `markdownOfSiteConfig`); default `.md` CommonMark, `.mdx` MDX. */
  markdown?: MarkdownOptions;
}

export type { ChecklistDocInfo, ChecklistStepData } from '../../core/page-contract.js';
export { CHECKLIST_ELEMENTS } from '../../core/page-contract.js';

type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * A node that becomes the HTML-like element `name` (`data.hName`) with
 * string properties (`data.hProperties`), which MDX renders with the
 * component of that name from MDXComponents, as Docusaurus does with
 * `admonition`. Not an MDX JSX element: in `.md` docs Docusaurus runs
 * rehype-raw, which parses the children of every JSX element again on their
 * own (a parser per element), while plain elements go through its one pass.
 */
export interface ChecklistNode {
  type: 'checklistElement';
  data: { hName: string; hProperties: Record<string, string> };
  children: RootContent[];
  position?: Code['position'];
}

function element(name: string, attributes: Attributes, position?: Code['position']): ChecklistNode {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    properties[key] = String(value);
  }
  return { type: 'checklistElement', data: { hName: name, hProperties: properties }, children: [], ...(position ? { position } : {}) };
}

function docPathOf(filePath: string, docsDir: string | undefined): string {
  if (docsDir) return relative(docsDir, filePath).split(sep).join('/');
  const normalized = filePath.split(sep).join('/');
  const at = normalized.lastIndexOf('/docs/');
  return at === -1 ? normalized.split('/').pop()! : normalized.slice(at + '/docs/'.length);
}

/**
 * The document's text as written: the file the MDX loader compiles, read
 * again (the loader hands plugins its preprocessed text), or the vfile's own
 * text when there is no such file (a test compiling a string).
 */
function originalText(file: VFile): string {
  if (file.path) {
    try {
      return readFileSync(file.path, 'utf8');
    } catch {
      // Not on disk.
    }
  }
  return String(file.value);
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

/**
 * Whether a console transcript is its `$ ` command lines (with `> `
 * continuations) followed by output only, so that it reads the same as the
 * command and its expected output shown apart.
 */
function consoleIsSimple(value: string): boolean {
  const lines = value.split('\n');
  let i = 0;
  let continuing = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (continuing) continuing = line.endsWith('\\');
    else if (/^\s*\$( |$)/.test(line)) continuing = line.endsWith('\\');
    else break;
  }
  if (i === 0) return false;
  return !lines.slice(i).some((line) => /^\s*\$( |$)/.test(line));
}

/**
 * The open items of Markdown task lists (`- [ ] ...`) in a procedure become
 * checkboxes the operator ticks, saved with the steps: the text of each
 * item's first paragraph goes into a `checklisttask` element (the box's
 * label) naming the item's position among the doc's open items. The item keeps GFM's classes
 * (`task-list-item`, `contains-task-list` on the list). Items written done
 * (`- [x]`) stay as GFM renders them.
 */
function markTasks(tree: Root): void {
  let position = 0;
  const walk = (node: Nodes): void => {
    if (node.type === 'listItem' && node.checked === false) {
      const box = element(CHECKLIST_ELEMENTS.task, { index: position++ });
      node.checked = null;
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), className: ['task-list-item'] } };
      const first = node.children[0];
      if (first?.type === 'paragraph') {
        box.children = first.children as RootContent[];
        first.children = [box as unknown as PhrasingContent];
      } else {
        node.children.unshift({ type: 'paragraph', children: [box as unknown as PhrasingContent] });
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
}

export default function remarkChecklist(options: ChecklistRemarkOptions = {}) {
  return (tree: Root, file: VFile): void => {
    if (!hasSteps(tree)) return;
    const path = file.path ?? 'doc.md';
    // Two phases, as the unified collective does it: the model comes from
    // the document's original text, parsed once (lib/models.ts) exactly as
    // `handbook check`, the export and `handbook run` read it, not from this
    // tree, which Docusaurus's own plugins (emoji, headings, admonitions) and
    // its preprocessing have changed by now; then the tree's nodes are
    // annotated with the model's facts, matched by source line (the
    // preprocessing escapes `{#id}` and rewrites admonition titles within
    // their lines, so lines are what both texts share).
    const docPath = docPathOf(path, options.docsDir);
    const modelPath = options.siteDir ? relative(options.siteDir, path).split(sep).join('/') : `docs/${docPath}`;
    // The model only, not its tree: one the build's plugins read from the cache (treeless) serves.
    const model = parseDocOnce({ file: path, path: modelPath, text: originalText(file), ...(options.markdown ? { markdown: options.markdown } : {}) }, { trees: false });
    const procedure = extractProcedure(model);
    if (procedure.steps.length === 0) return;
    // The doc's id as the docs plugin gives it (Docusaurus's own functions, as the export's and the run log's).
    const route = docusaurusRouteOf({ source: docPath, frontMatter: model.frontMatter.data, versionPath: options.routeBasePath ?? '/docs' });
    const info: ChecklistDocInfo = { doc: route.id, version: progressVersion(model, procedure) };

    const { codes, h2s, titleNode } = collect(tree);
    const codeAt = new Map(codes.map((located) => [located.node.position?.start.line, located]));
    const stepCodes = procedure.steps.map((step) => codeAt.get(step.line));
    const unmatched = procedure.steps.filter((_, i) => !stepCodes[i] || !isStepLang(stepCodes[i]!.node.lang?.toLowerCase() ?? null));
    if (unmatched.length > 0) {
      file.message(`Checklist not rendered: no shell block on line ${unmatched.map((s) => s.line).join(', ')} of the page, where the document has steps`);
      return;
    }

    const data: ChecklistStepData[] = [];
    stepCodes.forEach((located, i) => {
      const { node, parent } = located!;
      const step = procedure.steps[i]!;
      const meta = parseStepMeta(node.meta ?? null);
      const at = parent.children.indexOf(node as never);
      const item: ChecklistStepData = { id: step.id, title: step.title };
      if (step.titleFrom === 'text' || step.titleFrom === 'comment') item.titleInText = true;
      if (step.section !== null) item.section = step.section;
      if (step.timeMinutes !== null) item.minutes = step.timeMinutes;
      if (step.danger) item.danger = true;
      if (step.params.length > 0) item.params = step.params;
      // The block keeps only Docusaurus's own meta (line highlights, line numbers): its `title` is the step's, shown once, by the step.
      const rest = metaWithoutTitle(meta.rest);
      const code: Code = { type: 'code', lang: 'bash', meta: rest || null, value: node.value, ...(node.position ? { position: node.position } : {}) };
      if (step.lang === 'console') {
        const split = splitConsole(node.value);
        if (consoleIsSimple(node.value) && !/[{]|showLineNumbers/.test(meta.rest) && (split.output === '' || step.expect === split.output)) {
          // `$ command` lines, then the output: the command as a shell block, the output as expected output.
          code.value = step.command;
          if (step.expect !== null) item.expect = step.expect;
        } else {
          // An interleaved transcript is shown as written.
          code.lang = 'shell-session';
          item.command = step.command;
          // Its output is on show already; an `expect` of its own is not.
          if (step.expect !== null && step.expect !== split.output && !node.value.includes(step.expect)) item.expect = step.expect;
        }
      } else if (step.expect !== null) {
        item.expect = step.expect;
      }
      if (item.command === undefined && step.command !== code.value) item.command = step.command;
      data.push(item);
      const wrapper = element(CHECKLIST_ELEMENTS.step, { index: i }, node.position);
      wrapper.children = [code];
      // An expected-output block right after the step is shown inside the step.
      const next = parent.children[at + 1] as RootContent | undefined;
      const removeNext = next?.type === 'code' && /^(text|output)$/i.test(next.lang ?? '') && step.expect !== null && next.value.trim() === step.expect;
      (parent.children as unknown[]).splice(at, removeNext ? 2 : 1, wrapper);
    });

    // A summary under each h2 that holds steps (the tree's h2 on the model heading's line).
    const modelH2s = new Map(model.headings.filter((h) => h.depth === 2).map((h) => [h.place.start.line, h]));
    for (const { node, parent } of h2s) {
      const heading = modelH2s.get(node.position?.start.line ?? -1);
      const anchor = heading?.anchor ?? null;
      const steps = procedure.steps.filter((s) => s.section !== null && s.sectionAnchor === anchor);
      if (steps.length === 0 || anchor === null) continue;
      const at = parent.children.indexOf(node as never);
      const summary = element(CHECKLIST_ELEMENTS.section, { section: heading!.text, steps: steps.map((s) => s.index).join(' ') });
      (parent.children as unknown[]).splice(at + 1, 0, summary);
    }

    markTasks(tree);

    // Front matter and ESM stay at the top level; everything else goes inside the doc element.
    const top: RootContent[] = [];
    const content: RootContent[] = [];
    for (const node of tree.children) (/^(yaml|toml|mdxjsEsm)$/.test(node.type) ? top : content).push(node);
    const panel = element(CHECKLIST_ELEMENTS.panel, {});
    content.splice(titleNode ? content.indexOf(titleNode) + 1 : 0, 0, panel as unknown as RootContent);
    const doc = element(CHECKLIST_ELEMENTS.doc, {
      ...info,
      title: docTitleOf(model, route.id),
      permalink: route.permalink,
      // Parameters without their null and false fields (the doc component fills them in).
      params: JSON.stringify(Object.values(procedure.params), (_, value: unknown) => (value === null || value === false ? undefined : value)),
      steps: JSON.stringify(data),
    });
    doc.children = content;
    tree.children = [...top, doc as unknown as RootContent];
  };
}
