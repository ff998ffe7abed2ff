import React, { type MouseEvent, type ReactNode } from 'react';
import SkipToContent from '@theme-original/SkipToContent';
import { focusNextStep, useChecklistOnPage } from '../../components/Checklist/presence';
import styles from './styles.module.css';

/**
 * Docusaurus's "Skip to main content" link (a wrap: theme-classic marks
 * SkipToContent safe to wrap), followed on a page with a checklist by
 * "Skip to the next step": the second Tab stop of the page, which moves
 * focus to the checkbox of the first step not ticked yet (the first step
 * on a fresh run), past the navbar and the sidebar.
 */
export default function SkipToContentWrapper(): ReactNode {
  const checklist = useChecklistOnPage();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    focusNextStep();
  };
  return (
    <>
      <SkipToContent />
      {checklist && (
        <a className={styles.skipToStep} href="#" onClick={onClick} data-skip-to-step="">
          Skip to the next step
        </a>
      )}
    </>
  );
}
