'use client';

import { useState } from 'react';
import type { MyListEntry } from '@/lib/my-list/entry';
import { isInMyList } from '@/lib/my-list/list';
import { removeFromStoredMyList, saveToMyList } from '@/lib/my-list/store';
import { fillTemplate } from './template';
import type { SaveButtonTexts } from './texts';
import { useIsHydrated, useMyList } from './use-my-list';

interface SaveToListToggleProps {
  entry: MyListEntry;
  texts: SaveButtonTexts;
}

/**
 * The button itself. Rendered only once the browser has taken over: without JavaScript it
 * could do nothing, and a button that pretends to work is worse than none.
 */
export function SaveToListToggle({ entry, texts }: SaveToListToggleProps) {
  const isHydrated = useIsHydrated();
  const list = useMyList();
  const [announcement, setAnnouncement] = useState('');
  if (!isHydrated) return null;

  const isSaved = isInMyList(list, entry.id);
  // The label says what a press does ("Spara" / "Sparad – ta bort"), so no aria-pressed: a
  // toggle button's name must not change with its state, or screen readers say it twice.

  function toggle() {
    if (isSaved) {
      const removed = removeFromStoredMyList(entry.id);
      setAnnouncement(removed ? fillTemplate(texts.announceRemoved, { name: entry.name }) : texts.announceUnavailable);
      return;
    }
    const outcome = saveToMyList(entry);
    if (outcome === 'added' || outcome === 'updated') setAnnouncement(fillTemplate(texts.announceSaved, { name: entry.name }));
    else if (outcome === 'full') setAnnouncement(texts.announceFull);
    else setAnnouncement(texts.announceUnavailable);
  }

  return (
    <span className="save-to-list">
      <button
        type="button"
        className={`button button--small save-to-list__button${isSaved ? ' save-to-list__button--saved' : ' button--secondary'}`}
        onClick={toggle}
      >
        <span className="save-to-list__icon" aria-hidden="true">
          {isSaved ? '★' : '☆'}
        </span>
        {isSaved ? texts.saved : texts.save}
        {/* Many of these buttons can share a page: the service name tells them apart for screen readers. */}
        <span className="visually-hidden">
          {`: ${entry.name}`}
        </span>
      </button>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </span>
  );
}
