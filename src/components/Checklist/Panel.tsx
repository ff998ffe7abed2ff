import React, { useId, type ReactNode } from 'react';
import { useChecklist, type ChecklistState } from './store';
import { formatMinutes, leftText, progressOf } from './format';
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

function ParamField({ spec, state, onChange }: { spec: ParamSpec; state: ChecklistState; onChange(value: string): void }): ReactNode {
  // A short id unique on the page, the same on the server and in the browser.
  const id = useId();
  if (spec.secret) return <SecretParam spec={spec} />;
  const value = state.params[spec.name] ?? spec.default ?? '';
  const problem = state.ready ? paramProblem(spec, paramValue(spec, state.params)) : null;
  const describedBy = [spec.description ? `${id}-help` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy, disabled: !state.ready, className: styles.paramInput };
  return (
    <div className={styles.param}>
      <label htmlFor={id} className={styles.paramName}>
        {spec.name}
      </label>
      {spec.enum ? (
        <select {...common} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
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
          {problem === 'required' ? 'A value is needed.' : `Invalid value: ${problem}.`}
        </span>
      )}
    </div>
  );
}

/**
 * The doc's checklist panel, after the title (the remark plugin's
 * `<ChecklistPanel />`): progress, parameters, the
 * operator's name, stale-progress notice, reset and run-log export.
 */
export default function ChecklistPanel(): ReactNode {
  const { doc, version, title, permalink, params, steps } = useChecklistDoc();
  const [state, store] = useChecklist(doc, version);
  for (const p of params) if (p.secret) store.secrets.add(p.name);

  const progress = progressOf(steps, state.ticks);
  const operatorId = useId();

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

  const staleDone = state.stale ? Object.keys(state.stale.ticks).length : 0;

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
        <progress className={styles.bar} max={progress.total} value={progress.done} aria-label="Checklist progress" />
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
      {params.length > 0 && (
        <fieldset className={styles.params}>
          <legend>Parameters</legend>
          {params.map((spec) => (
            <ParamField key={spec.name} spec={spec} state={state} onChange={(value) => store.setParam(spec.name, value)} />
          ))}
        </fieldset>
      )}
      {/* The operator's name, export and reset only work in the browser: rendered after hydration, in a row kept empty until then. */}
      <div className={styles.actions}>
        {state.ready && (
          <>
            <label htmlFor={operatorId} className={styles.paramName}>
              Operator
            </label>
            <input
              id={operatorId}
              className={styles.paramInput}
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
      {progress.total > 0 && steps.some((s) => s.minutes !== null) && (
        <p className={styles.total}>{`Estimated total: ${formatMinutes(steps.reduce((sum, s) => sum + (s.minutes ?? 0), 0))}`}</p>
      )}
    </section>
  );
}
