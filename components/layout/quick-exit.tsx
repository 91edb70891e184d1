'use client';

import { useEffect, type MouseEvent } from 'react';
import { QUICK_EXIT_ESCAPE_WINDOW_MS, QUICK_EXIT_URL } from './quick-exit-url';

function leave(): void {
  // Hide the page at once: the neutral site may take a moment to load, and someone may be
  // looking over the visitor's shoulder.
  document.body.hidden = true;
  // replace() drops this page from the history, so Back does not return to it.
  window.location.replace(QUICK_EXIT_URL);
}

interface QuickExitProps {
  label: string;
  description: string;
}

/**
 * A plain link that works without JavaScript; with JavaScript it also replaces the history
 * entry and listens for Escape pressed twice.
 */
export function QuickExit({ label, description }: QuickExitProps) {
  useEffect(() => {
    let lastEscapeAt = Number.NEGATIVE_INFINITY;
    function onKeyDown(event: KeyboardEvent) {
      // A held-down key repeats; only two deliberate presses count.
      if (event.key !== 'Escape' || event.repeat || event.isComposing) return;
      if (event.timeStamp - lastEscapeAt <= QUICK_EXIT_ESCAPE_WINDOW_MS) {
        leave();
        return;
      }
      lastEscapeAt = event.timeStamp;
    }
    // Capture phase: a dialog that stops Escape from propagating must not disable the exit.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    leave();
  }

  return (
    <>
      <a
        href={QUICK_EXIT_URL}
        rel="noreferrer"
        className="quick-exit"
        data-testid="quick-exit"
        aria-describedby="quick-exit-description"
        onClick={onClick}
      >
        {label}
      </a>
      <span id="quick-exit-description" className="visually-hidden">
        {description}
      </span>
    </>
  );
}
