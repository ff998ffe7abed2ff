import React, { Children, isValidElement, useState, type ReactNode } from 'react';
import { copyText } from '../../../core/copy';
import { useChecklist } from './store';
import { useChecklistDoc } from './context';
import { formatMinutes } from './format';
import { paramValue } from './runlog';
import styles from './styles.module.css';

/** Attributes written by the remark plugin: all strings. */
export interface ChecklistStepProps {
  /** 0-based position of the step among the doc's steps (`<ChecklistDoc steps>`). */
  index: string;
  /** The step's code block, as Docusaurus renders any other. */
  children?: ReactNode;
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

/** The text of a code block element (`<pre><code>text</code></pre>`), without the final newline. */
function codeText(node: ReactNode): string {
  if (typeof node === 'string') return node.replace(/\n$/, '');
  for (const child of Children.toArray(node)) {
    if (typeof child === 'string') return child.replace(/\n$/, '');
    if (isValidElement<{ children?: ReactNode }>(child)) return codeText(child.props.children);
  }
  return '';
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

/**
 * One step: a checkbox named by the step title, time, danger, the command's
 * code block and the expected output, as few elements as that takes (one
 * flex row that wraps; the code block and the output take a row each). The
 * copy button (which fills in the parameters) works only in the browser, so
 * it is rendered after hydration, in the title row.
 */
export default function ChecklistStep({ index, children }: ChecklistStepProps): ReactNode {
  const { doc, version, steps, params } = useChecklistDoc();
  const step = steps[Number(index)]!;
  const [state, store] = useChecklist(doc, version);
  const [status, setStatus] = useState<{ refused: boolean; text: string } | null>(null);
  const tick = state.ticks[step.id];

  const copy = async (): Promise<void> => {
    // The parameters the step uses, each with its value on the page; secrets are read in the terminal (core/copy.ts).
    const used = (step.params ?? []).flatMap((name) => {
      const spec = params.find((p) => p.name === name);
      return spec ? [{ spec, value: spec.secret ? null : paramValue(spec, state.params) }] : [];
    });
    const result = copyText({ command: step.command ?? codeText(children), params: used });
    if (!result.ok) {
      setStatus({ refused: true, text: `Not copied: ${result.problems.map((p) => `${p.name} ${p.problem === 'required' ? 'needs a value' : p.problem}`).join('; ')}` });
      return;
    }
    await writeClipboard(result.text);
    const secrets = used.filter((p) => p.spec.secret).map((p) => p.spec.name);
    setStatus({ refused: false, text: secrets.length > 0 ? `Copied; asks for ${secrets.join(', ')} when run` : 'Copied' });
    window.setTimeout(() => setStatus(null), 2500);
  };

  return (
    <div className={`${styles.step}${tick ? ` ${styles.stepDone}` : ''}${step.danger ? ` ${styles.stepDanger}` : ''}`} data-checklist-step={step.id}>
      <label className={styles.stepTitle}>
        <input type="checkbox" className={styles.checkbox} checked={Boolean(tick)} disabled={!state.ready} onChange={(event) => store.toggle(step.id, event.currentTarget.checked)} />
        {step.title}
      </label>
      {step.danger && <span className={styles.danger}>Danger</span>}
      {step.minutes !== null && <span className={styles.time}>{formatMinutes(step.minutes)}</span>}
      {tick && <span className={styles.tickTime}>{`done ${new Date(tick.at).toLocaleTimeString()}${tick.by ? ` by ${tick.by}` : ''}`}</span>}
      {state.ready && (
        <>
          <span className={status?.refused ? styles.copyRefused : styles.copied} role="status" data-copy-status={status ? (status.refused ? 'refused' : 'copied') : undefined}>
            {status?.text ?? ''}
          </span>
          <button type="button" className={`button button--sm button--secondary ${styles.copy}`} onClick={() => void copy()} aria-label={`Copy command: ${step.title}`}>
            Copy
          </button>
        </>
      )}
      {children}
      {step.expect && <ExpectedOutput expect={step.expect} />}
    </div>
  );
}
