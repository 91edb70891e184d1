'use client';

import { useEffect, useState } from 'react';

export interface ShareTexts {
  /** Link text without JavaScript, e.g. "Länk till sidan". */
  link: string;
  share: string;
  copy: string;
  copied: string;
  copyFailed: string;
}

interface ShareLinkProps {
  url: string;
  title: string;
  texts: ShareTexts;
}

type Mode = 'link' | 'share' | 'copy';

/**
 * Share the page: the phone's share sheet where there is one, else copy the address with a
 * visible confirmation. Without JavaScript it stays a plain link to the page's address,
 * which can be copied like any link.
 */
export function ShareLink({ url, title, texts }: ShareLinkProps) {
  const [mode, setMode] = useState<Mode>('link');
  const [message, setMessage] = useState('');

  useEffect(() => {
    // Decided after hydration: the server cannot know what the browser offers.
    if (typeof navigator.share === 'function') setMode('share');
    else if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') setMode('copy');
  }, []);

  async function onClick() {
    if (mode === 'share') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setMessage(texts.copied);
    } catch {
      setMessage(texts.copyFailed);
    }
  }

  if (mode === 'link') {
    return (
      <a className="button button--secondary button--small share-link" href={url} data-testid="share-link">
        {texts.link}
      </a>
    );
  }
  return (
    <span className="share-link">
      <button type="button" className="button button--secondary button--small" onClick={onClick} data-testid="share-button">
        {mode === 'share' ? texts.share : texts.copy}
      </button>
      <span className="share-link__status" role="status">
        {message}
      </span>
      {message === texts.copyFailed ? (
        <a className="share-link__url" href={url}>
          {url}
        </a>
      ) : null}
    </span>
  );
}
