import React, { useEffect, useId, useState, type ReactNode } from 'react';
import { isTaskId, useChecklist, type ChecklistState } from './store';
import { useAnnounceChecklist } from './presence';
import { leftText, progressOf } from './format';
import { useChecklistDoc } from './context';
import { createRunLog, paramProblem, paramValue, runLogMarkdown, type ParamSpec } from './runlog';
import styles from './styles.module.css';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A secret parameter has no field: its value is never on the page (no DOM
 * attribute, storage or clipboard). The copied command reads it in the
 * terminal without echo (`read -rs`, core/copy.ts).
 */
function SecretParam({ spec }: { spec: ParamSpec }): ReactNode {
  const id = useId();
  return (
    <div className={styles.param} data-checklist-secret={spec.name}>
      <span className={styles.paramName}>{spec.name}</span>
      <span id={id} className={styles.paramSecret}>
        Secret: not typed here. The copied command asks for it in your terminal, without echo.
      </span>
      {spec.description && <span className={styles.paramHelp}>{spec.description}</span>}
    </div>
  );
}

/** The message under a field, once revealed: "A value is needed." or what is wrong with the value. */
function problemText(problem: string): string {
  return problem === 'required' ? 'A value is needed.' : `Invalid value: ${problem}.`;
}

/**
 * One parameter: its field, help and problem. The problem is shown only once
 * the operator has typed in the field or chosen an option, or a copy needed
 * the value (`state.revealed`), never on load. Not on leaving the field:
 * the line it adds would move the page under a pointer pressing a button.
 */
function ParamField({ spec, state, onChange }: { spec: ParamSpec; state: ChecklistState; onChange(value: string): void }): ReactNode {
  // A short id unique on the page, the same on the server and in the browser.
  const id = useId();
  if (spec.secret) return <SecretParam spec={spec} />;
  const value = state.params[spec.name] ?? spec.default ?? '';
  const problem = state.ready && state.revealed[spec.name] ? paramProblem(spec, paramValue(spec, state.params)) : null;
  const describedBy = [spec.description ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy, disabled: !state.ready, className: styles.paramInput };
  return (
    <div className={styles.param}>
      <label htmlFor={id} className={styles.paramName}>
        {spec.name}
      </label>
      {spec.enum ? (
        <select
          {...common}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          {!spec.enum.includes(value) && <option value={value}>{value === '' ? 'choose…' : value}</option>}
          {spec.enum.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type="text"
          value={value}
          autoComplete="off"
          spellCheck={false}
          pattern={spec.pattern ?? undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
      {spec.description && (
        <span id={`${id}-help`} className={styles.paramHelp}>
          {spec.description}
        </span>
      )}
      {problem && (
        <span id={`${id}-error`} className={styles.paramError}>
          {problemText(problem)}
        </span>
      )}
    </div>
  );
}

/** Prints the page with the ticks, their times and the parameter values (the print styles read `data-print-progress`). */
function printWithProgress(): void {
  const root = document.documentElement;
  root.dataset.printProgress = 'true';
  window.addEventListener('afterprint', () => delete root.dataset.printProgress, { once: true });
  window.print();
}

/**
 * The doc's checklist panel, after the title (the remark plugin's
 * `<ChecklistPanel />`), kept short: one row with progress, then the
 * parameters, the operator's name, export, print and reset. On a phone that
 * second part is behind a "Parameters" button, so the first screen reaches
 * the doc's content; a copy that needs a parameter opens it. Problems of a
 * parameter show once the operator has been at its field or a copy needed
 * it, never on load.
 */
export default function ChecklistPanel(): ReactNode {
  const { doc, version, title, permalink, params, steps } = useChecklistDoc();
  const [state, store] = useChecklist(doc, version);
  for (const p of params) if (p.secret) store.secrets.add(p.name);
  useAnnounceChecklist();

  const progress = progressOf(steps, state.ticks);
  const operatorId = useId();
  const bodyId = useId();
  const [opened, setOpened] = useState(false);
  // A refused copy reveals the parameters it needed: their part of the panel opens with them.
  const revealedCount = Object.keys(state.revealed).length;
  useEffect(() => {
    if (revealedCount > 0) setOpened(true);
  }, [revealedCount]);

  const exportLog = (format: 'md' | 'json'): void => {
    const log = createRunLog({
      doc,
      title,
      version,
      permalink,
      url: window.location.origin + permalink,
      params,
      values: state.params,
      steps,
      ticks: state.ticks,
      operator: state.operator,
      exportedAt: new Date().toISOString(),
    });
    const stamp = log.exportedAt.slice(0, 16).replace(/[:T]/g, '-');
    const base = `run-log-${doc.replace(/[^A-Za-z0-9_-]+/g, '-')}-${stamp}`;
    if (format === 'md') download(`${base}.md`, 'text/markdown', runLogMarkdown(log));
    else download(`${base}.json`, 'application/json', JSON.stringify(log, null, 2) + '\n');
  };

  const staleDone = state.stale ? Object.keys(state.stale.ticks).filter((id) => !isTaskId(id)).length : 0;
  const missing = params.filter((p) => !p.secret && paramProblem(p, paramValue(p, state.params)) === 'required').length;
  const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);

  return (
    <section className={styles.panel} aria-label="Checklist" data-checklist-doc={doc} data-version={version} data-search-ignore>
      <div className={styles.panelHead}>
        <strong className={styles.panelTitle}>Checklist</strong>
        <span className={styles.progressText}>
          <span className={styles.count} data-checklist-progress>
            {`${progress.done}/${progress.total} steps done`}
          </span>
          {` · ${leftText(progress)}`}
        </span>
        <button type="button" className={`button button--sm button--outline button--secondary ${styles.toggle}`} aria-expanded={opened} aria-controls={bodyId} onClick={() => setOpened(!opened)}>
          {params.length > 0 ? 'Parameters' : 'Run log'}
          {state.ready && missing > 0 ? ` (${missing} to fill in)` : ''}
        </button>
      </div>
      {/* A plain bar: a native <progress> at 0 looks full in some themes. */}
      <div className={styles.bar} role="progressbar" aria-label="Checklist progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-valuetext={`${progress.done} of ${progress.total} steps done`}>
        <div className={styles.barFill} style={{ width: `${percent}%` }} />
      </div>
      {state.stale && (
        <div className={`alert alert--warning ${styles.stale}`} role="status" data-checklist-stale>
          Saved progress for version {state.stale.version} ({staleDone} step{staleDone === 1 ? '' : 's'} ticked
          {state.stale.updated ? `, last on ${state.stale.updated.slice(0, 16).replace('T', ' ')}` : ''}) was not applied: this page is version {version}. Steps may
          have changed; start over from the top.{' '}
          <button type="button" className="button button--sm button--warning" onClick={() => store.reset()}>
            Discard old progress
          </button>
        </div>
      )}
      <div id={bodyId} className={`${styles.panelBody}${opened ? ` ${styles.panelBodyOpen}` : ''}`}>
        {params.length > 0 && (
          <fieldset className={styles.params}>
            <legend>Parameters</legend>
            {params.map((spec) => (
              <ParamField key={spec.name} spec={spec} state={state} onChange={(value) => {
                  store.setParam(spec.name, value);
                  store.reveal([spec.name]);
                }}
              />
            ))}
          </fieldset>
        )}
        {/* The operator's name, export, print and reset only work in the browser: rendered after hydration, in a row kept empty until then. */}
        <div className={styles.actions}>
          {state.ready && (
            <>
              <label htmlFor={operatorId} className={styles.paramName}>
                Operator
              </label>
              <input
                id={operatorId}
                className={`${styles.paramInput} ${styles.operator}`}
                type="text"
                value={state.operator}
                autoComplete="name"
                onChange={(e) => store.setOperator(e.currentTarget.value)}
              />
              <button type="button" className="button button--sm button--primary" onClick={() => exportLog('md')}>
                Export run log
              </button>
              <button type="button" className="button button--sm button--secondary" onClick={() => exportLog('json')}>
                Export JSON
              </button>
              <button type="button" className="button button--sm button--secondary" onClick={printWithProgress}>
                Print with progress
              </button>
              <button
                type="button"
                className="button button--sm button--secondary"
                onClick={() => {
                  if (window.confirm('Reset this checklist? All ticks and parameter values of this doc are forgotten.')) store.reset();
                }}
              >
                Reset
              </button>
            </>
          )}
        </div>
      </div>
      <p className={styles.printNote} data-print-note>
        <span className={styles.printBlank}>Blank copy: the ticks, times and parameter values on screen are not printed. To print them, use “Print with progress” on the page.</span>
        {/* Written in the browser only (the time of printing is not the server's). */}
        <span className={styles.printFilled}>
          {state.ready ? `Printed with progress: ${progress.done} of ${progress.total} steps done${state.operator ? `, operator ${state.operator}` : ''}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.` : ''}
        </span>
      </p>
    </section>
  );
}
