import React, { useState, type ReactNode } from 'react';
import CodeBlock from '@theme/CodeBlock';
import { fillParams } from '../../../core/steps';
import { useChecklist } from './store';
import { domId, formatMinutes } from './format';
import { paramValue, paramProblem } from './runlog';
import { paramSpecsOf } from './params';
import styles from './styles.module.css';

/** Attributes written by the remark plugin: all strings. */
export interface ChecklistStepProps {
  doc: string;
  version: string;
  id: string;
  title: string;
  section?: string;
  index: string;
  lang: string;
  /** The block as written (a console block with prompts and output). */
  code: string;
  /** Exactly the text to run. */
  command: string;
  expect?: string;
  minutes?: string;
  danger?: string;
  /** Docusaurus's own meta: title, line highlights. */
  meta?: string;
  /** Space-separated names of the params the command uses. */
  params?: string;
}

async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall back to a selection copy (older browsers, no permission).
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

function ExpectedOutput({ expect }: { expect: string }): ReactNode {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(expect);
  return (
    <div className={styles.expect}>
      <span className={styles.label}>{regex ? 'Expected output matches' : 'Expected output'}</span>
      <pre className={styles.expectText}>{expect}</pre>
    </div>
  );
}

/** One step: a checkbox named by the step title, the command with a copy button, expected output, time, danger. */
export default function ChecklistStep(props: ChecklistStepProps): ReactNode {
  const { doc, version, id, title, lang, code, command, expect, minutes, danger, meta } = props;
  const [state, store] = useChecklist(doc, version);
  const [copied, setCopied] = useState<string | null>(null);
  const tick = state.ticks[id];
  const checkboxId = domId(doc, id);
  const isDanger = danger === 'true';
  const estimate = minutes ? Number(minutes) : null;

  const copy = async (): Promise<void> => {
    const values: Record<string, string> = {};
    const missing: string[] = [];
    const specs = paramSpecsOf(doc);
    for (const name of props.params?.split(' ') ?? []) {
      const spec = specs.get(name);
      const value = spec ? paramValue(spec, state.params) : null;
      if (spec && value !== null && paramProblem(spec, value) === null) values[name] = value;
      else missing.push(name);
    }
    const text = fillParams(command, values);
    await writeClipboard(text);
    setCopied(missing.length > 0 ? `Copied; not filled: ${missing.join(', ')}` : 'Copied');
    window.setTimeout(() => setCopied(null), 2500);
  };

  return (
    <div className={`${styles.step} ${tick ? styles.stepDone : ''} ${isDanger ? styles.stepDanger : ''}`} data-checklist-step={id} data-done={tick ? 'true' : 'false'}>
      <div className={styles.stepHead}>
        <input
          type="checkbox"
          id={checkboxId}
          className={styles.checkbox}
          checked={Boolean(tick)}
          disabled={!state.ready}
          onChange={(event) => store.toggle(id, event.currentTarget.checked)}
        />
        <label htmlFor={checkboxId} className={styles.stepTitle}>
          {title}
        </label>
        {isDanger && <span className={styles.danger}>Danger</span>}
        {estimate !== null && <span className={styles.time}>{formatMinutes(estimate)}</span>}
        {tick && (
          <span className={styles.tickTime}>
            done {new Date(tick.at).toLocaleTimeString()}
            {tick.by ? ` by ${tick.by}` : ''}
          </span>
        )}
      </div>
      <div className={styles.codeWrap}>
        <CodeBlock language={lang === 'console' ? 'shell-session' : 'bash'} metastring={meta}>
          {code}
        </CodeBlock>
        <button type="button" className={`button button--sm button--secondary ${styles.copy}`} onClick={() => void copy()} aria-label={`Copy command: ${title}`} disabled={!state.ready}>
          Copy
        </button>
        <span className={styles.copied} role="status">
          {copied ?? ''}
        </span>
      </div>
      {/* A console transcript already shows its output. */}
      {expect && !(lang === 'console' && code.includes(expect)) && <ExpectedOutput expect={expect} />}
    </div>
  );
}
