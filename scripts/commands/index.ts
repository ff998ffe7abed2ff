import type { CommandModule } from '../cli.js';

/**
 * Every `handbook` subcommand with its one-line summary. The modules are
 * imported only when their command runs, so `handbook --help` and each
 * command load no more than they need (start-up time is most of a
 * one-doc re-check).
 */
export const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  check: {
    summary: 'Check every doc: version headers, links and anchors, structure; file:line:column diagnostics',
    load: () => import('./check.js'),
  },
  export: {
    summary: 'Print the checklists of every procedure as JSON (the same as build/checklists.json)',
    load: () => import('./export.js'),
  },
  new: {
    summary: 'Create a runbook, procedure, checklist or guide from a template that passes `handbook check`',
    load: () => import('./new.js'),
  },
  parse: {
    summary: 'Print the core model of one document as JSON (for debugging rules and plugins)',
    load: () => import('./parse.js'),
  },
  run: {
    summary: "Execute a procedure's steps from the terminal: plan, confirmation, stop on failure, run log",
    load: () => import('./run.js'),
  },
};
