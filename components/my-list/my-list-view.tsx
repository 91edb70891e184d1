'use client';

import { useEffect, useRef, useState } from 'react';
import type { AppLocale } from '@/i18n/routing';
import type { MyListEntry } from '@/lib/my-list/entry';
import { MY_LIST_PRINT_CAPACITY } from '@/lib/my-list/list';
import { servicePath } from '@/lib/my-list/service-url';
import { clearMyList, isMyListStorageAvailable, removeFromStoredMyList } from '@/lib/my-list/store';
import { entryTextProps } from './entry-text';
import { MyListHandout } from './my-list-handout';
import type { DrawQrCode } from './qr-code';
import { fillTemplate } from './template';
import type { MyListViewTexts } from './texts';
import { useIsHydrated, useMyList } from './use-my-list';

interface MyListViewProps {
  locale: AppLocale;
  siteName: string;
  texts: MyListViewTexts;
  /** Where the empty list points to, localised on the server. */
  searchHref: string;
  categoriesHref: string;
}

function formatDate(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(value);
}

function formatSavedAt(savedAt: string, locale: string): string | null {
  const date = new Date(savedAt);
  return Number.isNaN(date.getTime()) ? null : formatDate(date, locale);
}

/**
 * The QR generator is only needed here, and only once something is saved: it is loaded on
 * demand so it never weighs on other pages.
 */
function useQrGenerator(isNeeded: boolean): DrawQrCode | null {
  const [draw, setDraw] = useState<DrawQrCode | null>(null);
  useEffect(() => {
    if (!isNeeded || draw) return;
    let isCurrent = true;
    void import('@/lib/my-list/qr').then((module) => {
      if (isCurrent) setDraw(() => module.drawQrCode);
    });
    return () => {
      isCurrent = false;
    };
  }, [isNeeded, draw]);
  return draw;
}

/** The date on the sheet is the day it is printed, also when the tab was opened days ago. */
function usePrintDate(): Date {
  const [printDate, setPrintDate] = useState(() => new Date());
  useEffect(() => {
    const update = () => setPrintDate(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return printDate;
}

/**
 * My list on its own page: the saved services, read from this browser only. The server
 * renders the no-JavaScript message in its place; the list replaces it once the browser
 * has read localStorage.
 */
export function MyListView({ locale, siteName, texts, searchHref, categoriesHref }: MyListViewProps) {
  const isHydrated = useIsHydrated();
  const list = useMyList();
  const [canStore] = useState(() => typeof window !== 'undefined' && isMyListStorageAvailable());
  const [announcement, setAnnouncement] = useState('');
  const [isConfirmingClear, setIsConfirmingClear] = useState(false);
  const drawQr = useQrGenerator(isHydrated && list.length > 0);
  const printDate = usePrintDate();

  const headingRef = useRef<HTMLHeadingElement>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const clearButtonRef = useRef<HTMLButtonElement>(null);
  // Where focus goes after the next render: removed content must not leave keyboard users stranded.
  const focusNext = useRef<'heading' | 'confirm' | 'clear' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const element = { heading: headingRef, confirm: confirmRef, clear: clearButtonRef }[target].current;
    element?.focus();
  });

  function remove(entry: MyListEntry) {
    if (!removeFromStoredMyList(entry.id)) {
      setAnnouncement(texts.storageUnavailable);
      return;
    }
    setAnnouncement(fillTemplate(texts.announceRemoved, { name: entry.name }));
    focusNext.current = 'heading';
  }

  function startClearing() {
    setIsConfirmingClear(true);
    focusNext.current = 'confirm';
  }

  function cancelClearing() {
    setIsConfirmingClear(false);
    focusNext.current = 'clear';
  }

  function confirmClearing() {
    setIsConfirmingClear(false);
    if (!clearMyList()) {
      setAnnouncement(texts.storageUnavailable);
      return;
    }
    setAnnouncement(texts.cleared);
    focusNext.current = 'heading';
  }

  let content;
  if (!isHydrated) {
    content = <p className="notice my-list__no-script">{texts.needsJavaScript}</p>;
  } else if (!canStore) {
    content = <p className="notice">{texts.storageUnavailable}</p>;
  } else if (list.length === 0) {
    content = (
      <div className="my-list__empty">
        <h2 ref={headingRef} tabIndex={-1}>
          {texts.emptyHeading}
        </h2>
        <p>{texts.emptyBody}</p>
        <ul className="my-list__empty-links">
          <li>
            <a href={searchHref}>{texts.emptySearch}</a>
          </li>
          <li>
            <a href={categoriesHref}>{texts.emptyCategories}</a>
          </li>
        </ul>
      </div>
    );
  } else {
    content = (
      <>
        <h2 ref={headingRef} tabIndex={-1} className="my-list__heading">
          {fillTemplate(texts.listHeading, { count: list.length })}
        </h2>
        <div className="my-list__actions" role="group" aria-label={texts.actionsLabel}>
          <button type="button" className="button" onClick={() => window.print()} aria-describedby="my-list-print-hint">
            {texts.print}
          </button>
          <button
            ref={clearButtonRef}
            type="button"
            className="button button--secondary"
            onClick={startClearing}
            aria-expanded={isConfirmingClear}
            aria-controls={isConfirmingClear ? 'my-list-confirm-clear' : undefined}
          >
            {texts.clearAll}
          </button>
        </div>
        <p id="my-list-print-hint" className="form-hint">
          {texts.printHint}
        </p>
        {list.length > MY_LIST_PRINT_CAPACITY ? <p className="notice">{texts.tooManyToPrint}</p> : null}
        {isConfirmingClear ? (
          <div
            id="my-list-confirm-clear"
            ref={confirmRef}
            tabIndex={-1}
            className="my-list__confirm danger-zone"
            role="group"
            aria-labelledby="my-list-confirm-clear-question"
          >
            <p id="my-list-confirm-clear-question">{texts.confirmClear}</p>
            <div className="my-list__confirm-buttons">
              <button type="button" className="button button--danger" onClick={confirmClearing}>
                {texts.confirmClearYes}
              </button>
              <button type="button" className="button button--secondary" onClick={cancelClearing}>
                {texts.confirmClearNo}
              </button>
            </div>
          </div>
        ) : null}
        <ol className="my-list__entries">
          {list.map((entry) => (
            <MyListItem key={entry.id} entry={entry} locale={locale} texts={texts} onRemove={() => remove(entry)} />
          ))}
        </ol>
      </>
    );
  }

  return (
    <div className="my-list">
      <div className="my-list__screen">
        {/* Present from the first render, so screen readers are listening when it changes. */}
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {content}
      </div>
      {isHydrated && list.length > 0 ? (
        <MyListHandout
          list={list}
          locale={locale}
          siteName={siteName}
          origin={window.location.origin}
          printedOn={formatDate(printDate, locale)}
          texts={texts.handout}
          drawQr={drawQr}
        />
      ) : null}
    </div>
  );
}

interface MyListItemProps {
  entry: MyListEntry;
  locale: AppLocale;
  texts: MyListViewTexts;
  onRemove: () => void;
}

function MyListItem({ entry, locale, texts, onRemove }: MyListItemProps) {
  const textProps = entryTextProps(entry, locale);
  const savedOn = formatSavedAt(entry.savedAt, locale);
  return (
    <li className="card my-list__entry" data-testid="my-list-entry" data-id={entry.id}>
      <h3 className="card__title">
        <a href={servicePath(locale, entry.slug)} {...textProps}>
          {entry.name}
        </a>
      </h3>
      {entry.organizationName ? (
        <p className="card__meta" {...textProps}>
          {entry.organizationName}
        </p>
      ) : null}
      {entry.summary ? <p {...textProps}>{entry.summary}</p> : null}
      <dl className="my-list__facts">
        {entry.howToGetHelp ? (
          <div>
            <dt>{texts.howToGetHelp}</dt>
            <dd {...textProps}>{entry.howToGetHelp}</dd>
          </div>
        ) : null}
        {entry.phones.length > 0 ? (
          <div>
            <dt>{texts.phone}</dt>
            <dd>
              <ul className="my-list__phones">
                {entry.phones.map((phone, index) => (
                  <li key={`${phone.dial}-${index}`}>
                    <a href={`tel:${phone.dial}`} dir="ltr" className="my-list__phone">
                      {phone.display}
                    </a>
                    {phone.label ? (
                      <>
                        {' '}
                        <span {...textProps}>{phone.label}</span>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
        {entry.email ? (
          <div>
            <dt>{texts.email}</dt>
            <dd>
              <a href={`mailto:${entry.email}`} dir="ltr">
                {entry.email}
              </a>
            </dd>
          </div>
        ) : null}
        {entry.website && /^https?:\/\//i.test(entry.website) ? (
          <div>
            <dt>{texts.website}</dt>
            <dd>
              <a href={entry.website} rel="noreferrer" dir="ltr">
                {entry.website}
              </a>
            </dd>
          </div>
        ) : null}
        {entry.address ? (
          <div>
            <dt>{texts.address}</dt>
            <dd>{entry.address}</dd>
          </div>
        ) : null}
        {entry.openingHours.length > 0 ? (
          <div>
            <dt>{texts.openingHours}</dt>
            <dd {...textProps}>
              <ul className="my-list__hours">
                {entry.openingHours.map((line, index) => (
                  <li key={index}>{line}</li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="my-list__entry-footer">
        {savedOn ? <p className="card__meta">{fillTemplate(texts.savedOn, { date: savedOn })}</p> : null}
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {texts.remove}
          <span className="visually-hidden">{`: ${entry.name}`}</span>
        </button>
      </div>
    </li>
  );
}
