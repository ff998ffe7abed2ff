import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';
import * as z from 'zod';
import { closest } from '../suggest.js';
import { createLineIndex, type LineIndex } from '../position.js';
import type { Span } from '../types.js';
import type { Alert, AlertFile, AlertFileProblem, AlertSource } from './types.js';

/**
 * Reads one alert file into the alert model: a Prometheus rule file
 * (`groups:`), a Kubernetes `PrometheusRule` (`spec.groups`) or a
 * CloudFormation/SAM template (`Resources:` with `AWS::CloudWatch::Alarm`s),
 * several YAML documents per file allowed. Shapes are zod schemas; a zod
 * issue is mapped back to the YAML key it is about. promtool's unit test
 * files (`rule_files:` + `tests:`) are recognised and have no alerts.
 * CloudFormation's short-form tags (`!Sub`, `!Ref`, ...) read as their
 * argument. Pure: the caller reads the file.
 */
export function parseAlertFile({ path, text }: { path: string; text: string }): AlertFile {
  const lines = createLineIndex(text);
  const alerts: Alert[] = [];
  const problems: AlertFileProblem[] = [];
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(documents) ? documents : [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      // The first error only: the parser's later ones follow from it.
      const error = doc.errors[0]!;
      problems.push({ message: `Unexpected malformed YAML (${error.message.replace(/\s+at line \d+, column \d+.*$/s, '')}), expected a YAML document`, place: lines.span(error.pos[0], error.pos[1]) });
      continue;
    }
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue; // an empty document (`---` at the end)
    const reader = createReader(doc, lines, text);
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (!isRecord(data)) {
      problems.push({ message: `Unexpected YAML ${describe(data)} at the top of a document, expected a mapping (a rule file, a \`PrometheusRule\` or a CloudFormation template)`, place: reader.spanOf([]) });
      continue;
    }
    if ('groups' in data) readPrometheus({ data, path, reader, source: 'prometheus', at: [], alerts, problems });
    else if (data.kind === 'PrometheusRule') readPrometheus({ data, path, reader, source: 'prometheus-rule', at: [], alerts, problems });
    else if ('Resources' in data) readCloudFormation({ data, path, reader, alerts, problems });
    else if ('rule_files' in data && 'tests' in data) continue; // a promtool unit test file
    else {
      const keys = Object.keys(data).slice(0, 3).map((k) => `\`${k}\``).join(', ');
      problems.push({
        message: `Unexpected YAML document with ${keys ? `keys ${keys}` : 'no keys'}, expected a Prometheus rule file (\`groups\`), a \`PrometheusRule\` resource or a CloudFormation template (\`Resources\`)`,
        place: reader.spanOf([]),
      });
    }
  }
  return { path, alerts, problems };
}

// ---------------------------------------------------------------- Prometheus

/** A rule of a group, as Prometheus reads it (unknown keys are an error there too). */
const promRuleShape = z.strictObject({
    alert: z.string().min(1).optional(),
    record: z.string().min(1).optional(),
    expr: z.union([z.string().min(1), z.number()]),
    for: z.string().optional(),
    keep_firing_for: z.string().optional(),
    labels: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    annotations: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
const RULE_KEYS = Object.keys(promRuleShape.shape);
const promRule = promRuleShape.refine((r) => (r.alert === undefined) !== (r.record === undefined), { message: 'exactly one of `alert` and `record`' });

const promGroup = z.strictObject({
  name: z.string().min(1),
  interval: z.string().optional(),
  query_offset: z.string().optional(),
  limit: z.number().optional(),
  labels: z.record(z.string(), z.string()).optional(),
  rules: z.array(z.unknown()),
});

const promFile = z.strictObject({ groups: z.array(z.unknown()) });

const keysOf = (schema: { shape: Record<string, unknown> }): readonly string[] => Object.keys(schema.shape);

const prometheusRule = z.looseObject({
  apiVersion: z.string().regex(/^monitoring\.coreos\.com\//),
  kind: z.literal('PrometheusRule'),
  metadata: z.looseObject({ name: z.string().min(1) }),
  spec: z.strictObject({ groups: z.array(z.unknown()) }),
});

type Path = (string | number)[];

interface ReadArgs {
  data: Record<string, unknown>;
  path: string;
  reader: Reader;
  alerts: Alert[];
  problems: AlertFileProblem[];
}

function readPrometheus({ data, path, reader, source, alerts, problems }: ReadArgs & { source: AlertSource; at: Path }): void {
  const top = source === 'prometheus' ? promFile : prometheusRule;
  const parsed = top.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(reader.issue([], issue, data, source === 'prometheus' ? keysOf(promFile) : ['groups']));
    return;
  }
  const groupsPath: Path = source === 'prometheus' ? ['groups'] : ['spec', 'groups'];
  const groups = (source === 'prometheus' ? data.groups : (data.spec as { groups: unknown[] }).groups) as unknown[];
  groups.forEach((group, g) => {
    const at = [...groupsPath, g];
    const shape = promGroup.safeParse(group);
    if (!shape.success) {
      for (const issue of shape.error.issues) problems.push(reader.issue(at, issue, group, keysOf(promGroup)));
      return;
    }
    shape.data.rules.forEach((rule, r) => {
      const ruleAt = [...at, 'rules', r];
      const ruleShape = promRule.safeParse(rule);
      if (!ruleShape.success) {
        // A misspelt `alert:` is one finding, the unknown key, not also "neither alert nor record".
        const unknownKey = ruleShape.error.issues.some((i) => i.code === 'unrecognized_keys');
        for (const issue of ruleShape.error.issues) if (!(unknownKey && issue.code === 'custom')) problems.push(reader.issue(ruleAt, issue, rule, RULE_KEYS));
        return;
      }
      const { alert, expr, labels = {}, annotations = {} } = ruleShape.data;
      if (alert === undefined) return; // a recording rule
      const text = (value: unknown) => (value === undefined ? null : String(value));
      const runbookUrl = text(annotations.runbook_url);
      alerts.push({
        name: alert,
        source,
        file: path,
        group: shape.data.name,
        severity: text(labels.severity),
        system: text(labels.system) ?? systemOfPath(path),
        summary: text(annotations.summary),
        description: text(annotations.description),
        runbookUrl,
        expr: String(expr).trim(),
        for: ruleShape.data.for ?? null,
        place: reader.spanOf([...ruleAt, 'alert'], 'key'),
        runbookPlace: runbookUrl === null ? null : reader.spanOf([...ruleAt, 'annotations', 'runbook_url']),
      });
    });
  });
}

// ------------------------------------------------------------ CloudFormation

/** The properties of an `AWS::CloudWatch::Alarm` this model reads; other properties pass. */
const cloudWatchAlarm = z.looseObject({
  AlarmName: z.unknown().optional(),
  AlarmDescription: z.string().optional(),
  ComparisonOperator: z.string(),
  EvaluationPeriods: z.union([z.number().int().positive(), z.string()]),
  Threshold: z.union([z.number(), z.string()]).optional(),
  MetricName: z.string().optional(),
  Namespace: z.string().optional(),
  Statistic: z.string().optional(),
  ExtendedStatistic: z.string().optional(),
  Period: z.union([z.number(), z.string()]).optional(),
  Metrics: z
    .array(
      z.looseObject({
        Id: z.string(),
        Expression: z.string().optional(),
        ReturnData: z.boolean().optional(),
        MetricStat: z.looseObject({ Metric: z.looseObject({ MetricName: z.string().optional() }).optional(), Period: z.number().optional() }).optional(),
      }),
    )
    .optional(),
  Tags: z.array(z.looseObject({ Key: z.string(), Value: z.unknown() })).optional(),
});

const template = z.looseObject({
  Resources: z.record(z.string(), z.looseObject({ Type: z.string(), Properties: z.unknown().optional() })),
});

const OPERATORS: Record<string, string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
  GreaterThanUpperThreshold: '> upper band',
  LessThanLowerThreshold: '< lower band',
  LessThanLowerOrGreaterThanUpperThreshold: 'outside the band',
};

function readCloudFormation({ data, path, reader, alerts, problems }: ReadArgs): void {
  const parsed = template.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(reader.issue([], issue, data));
    return;
  }
  for (const [id, resource] of Object.entries(parsed.data.Resources)) {
    if (resource.Type !== 'AWS::CloudWatch::Alarm') continue;
    const at = ['Resources', id, 'Properties'];
    const shape = cloudWatchAlarm.safeParse(resource.Properties ?? {});
    if (!shape.success) {
      for (const issue of shape.error.issues) problems.push(reader.issue(at, issue, resource.Properties));
      continue;
    }
    const props = shape.data;
    const description = props.AlarmDescription ?? null;
    const runbook = description === null ? null : runbookInDescription(description);
    const severityTag = props.Tags?.find((t) => t.Key.toLowerCase() === 'severity');
    const systemTag = props.Tags?.find((t) => t.Key.toLowerCase() === 'system');
    const metricPeriod = Math.max(0, ...(props.Metrics ?? []).map((m) => m.MetricStat?.Period ?? 0));
    const periodSeconds = props.Period === undefined ? (metricPeriod > 0 ? metricPeriod : NaN) : Number(props.Period);
    const periods = typeof props.EvaluationPeriods === 'number' ? props.EvaluationPeriods : Number(props.EvaluationPeriods);
    alerts.push({
      // `!Sub "data-pipeline-${Env}-x"` is shown as `data-pipeline-<Env>-x`.
      name: typeof props.AlarmName === 'string' ? props.AlarmName.replace(/\$\{([^}]+)\}/g, '<$1>') : id,
      source: 'cloudformation',
      file: path,
      group: null,
      severity: severityTag ? String(severityTag.Value) : null,
      system: systemTag ? String(systemTag.Value) : systemOfPath(path),
      summary: description === null ? null : summaryOfDescription(description),
      description,
      runbookUrl: runbook?.url ?? null,
      expr: expressionOf(props),
      for: Number.isFinite(periodSeconds) && Number.isFinite(periods) ? durationOf(periodSeconds * periods) : null,
      place: reader.spanOf(['Resources', id], 'key'),
      runbookPlace: runbook === null ? null : reader.substringSpan([...at, 'AlarmDescription'], runbook.url),
    });
  }
}

/** `Runbook: <url>` in an alarm description (the URL up to the next space), else its first http(s) URL. */
export function runbookInDescription(description: string): { url: string } | null {
  const labelled = /\brunbook:?\s+(\S+)/i.exec(description);
  if (labelled) return { url: labelled[1]!.replace(/[.,;)]+$/, '') };
  const any = /https?:\/\/\S+/.exec(description);
  return any ? { url: any[0].replace(/[.,;)]+$/, '') } : null;
}

/** The description up to `Runbook:` (the part a notification shows as its title). */
function summaryOfDescription(description: string): string {
  return description.split(/\brunbook:?\s/i)[0]!.trim().replace(/[.\s]+$/, '') || description;
}

function expressionOf(props: z.infer<typeof cloudWatchAlarm>): string {
  const operator = OPERATORS[props.ComparisonOperator] ?? props.ComparisonOperator;
  const threshold = props.Threshold === undefined ? '' : ` ${props.Threshold}`;
  if (props.Metrics) {
    const returned = props.Metrics.find((m) => m.ReturnData !== false && m.Expression) ?? props.Metrics.find((m) => m.Expression);
    if (returned?.Expression) {
      // Metric ids read as the metrics they stand for: `m1 + m2` -> `ExecutionsFailed + ExecutionsTimedOut`.
      let expression = returned.Expression;
      for (const metric of props.Metrics) {
        const name = metric.MetricStat?.Metric?.MetricName;
        if (name) expression = expression.replace(new RegExp(`\\b${metric.Id.replace(/[^\w]/g, '')}\\b`, 'g'), name);
      }
      return `${expression} ${operator}${threshold}`;
    }
  }
  const statistic = props.Statistic ?? props.ExtendedStatistic ?? '';
  return `${props.Namespace ?? ''} ${props.MetricName ?? ''} ${statistic} ${operator}${threshold}`.replace(/\s+/g, ' ').trim();
}

/** Seconds as Prometheus writes durations: `30m`, `6h`, `90s`. */
function durationOf(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/** `alerts/abathur/x.yml` -> `abathur`: the folder under the alerts folder. */
function systemOfPath(path: string): string | null {
  const segments = path.split('/');
  return segments.length >= 3 ? segments[1]! : null;
}

// ------------------------------------------------------------------ positions

interface Reader {
  /** Where the node at `path` is written: its value (default) or its key. */
  spanOf(path: Path, part?: 'key' | 'value'): Span;
  /** Where `needle` is written inside the scalar at `path` (the scalar when not found literally). */
  substringSpan(path: Path, needle: string): Span;
  /** A zod issue at `base` as a problem positioned at the key it is about. */
  issue(base: Path, issue: z.core.$ZodIssue, value: unknown, allowed?: readonly string[]): AlertFileProblem;
}

function createReader(doc: Document, text: LineIndex, source: string): Reader {
  /** The deepest pair/node on `path` that exists. */
  const locate = (path: Path): { node: Node | null; pair: Pair | null; found: boolean } => {
    let node = doc.contents as Node | null;
    let pair: Pair | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const item = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
        if (!item) return { node, pair, found: false };
        pair = item as Pair;
        node = item.value as Node | null;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        pair = null;
        node = node.items[segment] as Node | null;
      } else return { node, pair, found: false };
    }
    return { node, pair, found: true };
  };
  const rangeSpan = (node: Node | null | undefined): Span | null => (node?.range ? text.span(node.range[0], node.range[1]) : null);
  const spanOf = (path: Path, part: 'key' | 'value' = 'value'): Span => {
    const { node, pair, found } = locate(path);
    const key = pair && isScalar(pair.key) ? (pair.key as Node) : null;
    if (!found) {
      // A missing key: at the key of the mapping it belongs in, or at the mapping's first key.
      const first = isMap(node) && node.items[0] && isScalar(node.items[0].key) ? (node.items[0].key as Node) : null;
      return rangeSpan(key) ?? rangeSpan(first) ?? rangeSpan(node) ?? text.span(0, 0);
    }
    if (part === 'key' && key) return rangeSpan(key)!;
    return rangeSpan(node) ?? rangeSpan(key) ?? text.span(0, 0);
  };
  return {
    spanOf,
    substringSpan(path, needle) {
      const { node, found } = locate(path);
      if (!found || !node?.range) return spanOf(path);
      const [start, end] = node.range;
      const at = source.slice(start, end).indexOf(needle);
      return at === -1 ? text.span(start, end) : text.span(start + at, start + at + needle.length);
    },
    issue(base, issue, value, allowed = []) {
      const path: Path = [...base, ...(issue.path as Path)];
      const dotted = (p: Path) => p.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '') || 'the document';
      if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0]!;
        const suggestion = closest(key, allowed);
        const expected = suggestion ? `\`${suggestion}\`` : `one of ${allowed.map((k) => `\`${k}\``).join(', ')}`;
        return { message: `Unexpected key \`${key}\` in \`${dotted(path)}\`, expected ${expected}`, place: spanOf([...path, key], 'key') };
      }
      const actual = valueAt(value, issue.path as Path);
      if (issue.code === 'custom') return { message: `Unexpected rule \`${dotted(path)}\`, expected ${issue.message}`, place: spanOf(path, 'key') };
      const expected =
        issue.code === 'invalid_type'
          ? issue.expected === 'array'
            ? 'a list'
            : issue.expected === 'object'
              ? 'a mapping'
              : `a ${issue.expected}`
          : issue.code === 'invalid_value'
            ? issue.values.map((v) => `\`${String(v)}\``).join(' or ')
            : issue.code === 'invalid_union'
              ? 'a string'
              : issue.code === 'too_small'
              ? 'a non-empty value'
              : issue.code === 'invalid_format' && 'pattern' in issue
                ? `a value matching ${issue.pattern}`
                : issue.message;
      const what = actual === undefined ? `missing \`${dotted(path)}\`` : `${describe(actual)} in \`${dotted(path)}\``;
      return { message: `Unexpected ${what}, expected ${expected}`, place: spanOf(path, actual === undefined ? 'key' : 'value') };
    },
  };
}

function valueAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const segment of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value as a diagnostic names it: `a list`, `the string "x"`, `the number 3`. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string "${value.length > 40 ? value.slice(0, 37) + '...' : value}"`;
  return `the ${typeof value} ${String(value)}`;
}
