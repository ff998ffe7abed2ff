import type { Span } from '../types.js';

/**
 * The alert model: every alerting rule of the alert files under `alerts/`
 * (Prometheus rule files, Kubernetes `PrometheusRule` resources,
 * CloudFormation `AWS::CloudWatch::Alarm`s) in one shape, for the
 * `alert-*` rules of `handbook check` and for the site's alert views.
 * Positions are 1-based lines and columns of the alert file.
 */

/** What an alert was written as. */
export type AlertSource = 'prometheus' | 'prometheus-rule' | 'cloudformation';

export interface Alert {
  /** `alert:` of a Prometheus rule, the logical id (or `AlarmName`) of a CloudWatch alarm. */
  name: string;
  source: AlertSource;
  /** The alert file, relative to the checked folder with `/`. */
  file: string;
  /** The Prometheus rule group, or null for a CloudWatch alarm. */
  group: string | null;
  /** `labels.severity` (a tag `severity` for CloudWatch), or null. */
  severity: string | null;
  /** `labels.system`, else the folder under `alerts/` the file is in, or null. */
  system: string | null;
  summary: string | null;
  description: string | null;
  /** `annotations.runbook_url`, or the `Runbook: <url>` of an `AlarmDescription`. */
  runbookUrl: string | null;
  /** The PromQL expression, or a CloudWatch alarm's metric and threshold in words. */
  expr: string | null;
  /** How long the condition must hold (`for:`, or evaluation periods × period), or null. */
  for: string | null;
  /** Where the alert is written (its `alert:` key, or the alarm's logical id). */
  place: Span;
  /** Where the runbook URL is written, or null when there is none. */
  runbookPlace: Span | null;
}

/** A file that is not YAML or not an alert file, with where and why. */
export interface AlertFileProblem {
  message: string;
  place: Span;
}

/** One parsed alert file. */
export interface AlertFile {
  path: string;
  alerts: Alert[];
  /** Syntax and shape problems (`alert-rule-syntax`); the alerts that could be read are still listed. */
  problems: AlertFileProblem[];
}

/**
 * The alert files of a check and how their runbook URLs map onto the site:
 * a URL that starts with `siteUrl` (the Docusaurus `url` + `baseUrl`) is a
 * route of the site, as is a site-absolute path (`/docs/...`).
 */
export interface AlertInput {
  files: readonly AlertFile[];
  /** `https://handbook.internal/`, or null when unknown (then only site-absolute paths are resolved). */
  siteUrl: string | null;
  /** Severities whose alerts need a runbook URL; default `critical` and `warning`. */
  runbookSeverities?: readonly string[];
}
