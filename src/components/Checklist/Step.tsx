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

/** The expected output, compact: one line beside its label, a block when it has several lines. */
function ExpectedOutput({ expect }: { expect: string }): ReactNode {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(expect);
  const label = regex ? 'Expect a match of' : 'Expect';
  return (
    <div className={styles.expect}>
      <span className={styles.label}>{label}</span>
      {expect.includes('\n') ? <pre className={styles.expectText}>{expect}</pre> : <code className={styles.expectText}>{expect}</code>}
    </div>
  );
}

/**
 * One step: a row with the checkbox and the step's title, time, danger mark
 * and copy button, then the command's code block and the expected output.
 * The title is shown once: the code block has none of its own, and when the
 * title is the lead-in sentence just above (or the command's first comment),
 * the row says "Step N" and the checkbox is named "Step N: title". The copy
 * button (which fills in the parameters) works only in the browser, so it is
 * rendered after hydration, in the title row; a copy refused for a missing
 * or invalid parameter shows that parameter's problem in the panel.
 */
export default function ChecklistStep({ index, children }: ChecklistStepProps): ReactNode {
  const { doc, version, steps, params } = useChecklistDoc();
  const step = steps[Number(index)]!;
  const [state, store] = useChecklist(doc, version);
  const [status, setStatus] = useState<{ refused: boolean; text: string } | null>(null);
  const tick = state.ticks[step.id];
  const label = step.titleInText ? `Step ${step.number}` : step.title;

  const copy = async (): Promise<void> => {
    // The parameters the step uses, each with its value on the page; secrets are read in the terminal (core/copy.ts).
    const used = (step.params ?? []).flatMap((name) => {
      const spec = params.find((p) => p.name === name);
      return spec ? [{ spec, value: spec.secret ? null : paramValue(spec, state.params) }] : [];
    });
    const result = copyText({ command: step.command ?? codeText(children), params: used });
    if (!result.ok) {
      store.reveal(result.problems.map((p) => p.name));
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
      <div className={styles.stepHead}>
        <label className={styles.stepTitle}>
          <input
            type="checkbox"
            className={styles.checkbox}
            checked={Boolean(tick)}
            disabled={!state.ready}
            aria-label={step.titleInText ? `${label}: ${step.title}` : undefined}
            onChange={(event) => store.toggle(step.id, event.currentTarget.checked)}
          />
          <span>{label}</span>
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
      </div>
      {children}
      {step.expect && <ExpectedOutput expect={step.expect} />}
    </div>
  );
}
