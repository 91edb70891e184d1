'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface LiveSearchTexts {
  listLabel: string;
  /** Announcements for 0, 1, ... suggestions, formatted on the server; their number sets how many are asked for. */
  counts: string[];
  /** Template with `{total}`: the last option, which runs the full search. */
  showAll: string;
}

interface LiveSearchProps {
  inputId: string;
  defaultValue: string;
  placeholder: string;
  /** The current filters and the UI language (`lang`), sent along with every request. */
  params: string;
  /** `/tjanster/` or `/en/tjanster/`: where a suggestion leads. */
  servicePathPrefix: string;
  texts: LiveSearchTexts;
}

interface Suggestion {
  slug: string;
  name: string;
  organization: string;
}

interface LiveAnswer {
  total: number;
  hits: { slug: string; name: string; organization: { name: string } }[];
}

const MIN_CHARACTERS = 2;
const PAUSE_MS = 250;

/**
 * The search box of the search page, with results as you type: an editable combobox with a
 * list of suggestions (WAI-ARIA APG). It is an ordinary text field of a GET form until
 * JavaScript runs, and submitting the form stays the way to search. Escape closes the list
 * but is never stopped, so pressing it twice still leaves the site (components/layout/quick-exit.tsx).
 */
export function LiveSearch({ inputId, defaultValue, placeholder, params, servicePathPrefix, texts }: LiveSearchProps) {
  const [isEnhanced, setIsEnhanced] = useState(false);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [total, setTotal] = useState(0);
  const [isOpen, setIsOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const request = useRef<AbortController | undefined>(undefined);
  const listId = `${inputId}-suggestions`;
  const limit = Math.max(texts.counts.length - 1, 1);

  useEffect(() => {
    setIsEnhanced(true);
    return () => {
      clearTimeout(timer.current);
      request.current?.abort();
    };
  }, []);

  // The last option runs the whole search when there are more results than suggestions.
  const hasShowAll = total > suggestions.length;
  const optionCount = suggestions.length + (hasShowAll ? 1 : 0);
  const optionId = (index: number) => `${listId}-${index}`;

  function close() {
    setIsOpen(false);
    setActive(-1);
  }

  async function fetchSuggestions(text: string) {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    const query = new URLSearchParams(params);
    query.set('q', text);
    query.set('per_sida', String(limit));
    query.set('live', '1');
    try {
      const response = await fetch(`/api/search?${query.toString()}`, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!response.ok) return close();
      const answer = (await response.json()) as LiveAnswer;
      if (controller.signal.aborted) return;
      const next = answer.hits.slice(0, limit).map((h) => ({ slug: h.slug, name: h.name, organization: h.organization.name }));
      setSuggestions(next);
      setTotal(answer.total);
      setActive(-1);
      setIsOpen(next.length > 0);
      setStatus(texts.counts[next.length] ?? '');
    } catch {
      // Aborted by a newer keystroke, or offline: the form still searches on submit.
    }
  }

  function onInput(text: string) {
    clearTimeout(timer.current);
    if (text.trim().length < MIN_CHARACTERS) {
      request.current?.abort();
      close();
      setSuggestions([]);
      setStatus('');
      return;
    }
    timer.current = setTimeout(() => void fetchSuggestions(text.trim()), PAUSE_MS);
  }

  function choose(index: number, form: HTMLFormElement | null) {
    const suggestion = suggestions[index];
    if (suggestion) {
      window.location.assign(`${servicePathPrefix}${encodeURIComponent(suggestion.slug)}`);
    } else {
      close();
      form?.requestSubmit();
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (optionCount === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setIsOpen(true);
      setActive((current) => (current < 0 ? (step > 0 ? 0 : optionCount - 1) : (current + step + optionCount) % optionCount));
    } else if (event.key === 'Enter') {
      if (isOpen && active >= 0) {
        event.preventDefault();
        choose(active, event.currentTarget.form);
      }
    } else if (event.key === 'Escape') {
      // Only close the list; the event keeps travelling so a second Escape is a quick exit.
      if (isOpen) {
        event.preventDefault();
        close();
      }
    }
  }

  const expanded = isOpen && optionCount > 0;
  return (
    <>
      <input
        id={inputId}
        type="search"
        name="q"
        defaultValue={defaultValue}
        placeholder={placeholder}
        // The browser must not remember what someone searched for on a shared computer.
        autoComplete="off"
        enterKeyHint="search"
        className="search-form__input"
        {...(isEnhanced
          ? {
              role: 'combobox',
              'aria-autocomplete': 'list' as const,
              'aria-expanded': expanded,
              'aria-controls': listId,
              'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
            }
          : {})}
        onChange={(event) => onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {isEnhanced ? (
        <ul id={listId} role="listbox" aria-label={texts.listLabel} className="live-search__list" hidden={!expanded}>
          {suggestions.map((s, index) => (
            <li
              key={s.slug}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="live-search__option"
              // Keeps focus in the field, so the click below still has a list to choose from.
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => choose(index, event.currentTarget.closest('form'))}
            >
              <span className="live-search__name" dir="auto">
                {s.name}
              </span>
              <span className="live-search__organization" dir="auto">
                {s.organization}
              </span>
            </li>
          ))}
          {hasShowAll ? (
            <li
              id={optionId(suggestions.length)}
              role="option"
              aria-selected={active === suggestions.length}
              className="live-search__option live-search__option--all"
              onMouseDown={(event) => event.preventDefault()}
              onClick={(event) => choose(suggestions.length, event.currentTarget.closest('form'))}
            >
              {texts.showAll.replace('{total}', String(total))}
            </li>
          ) : null}
        </ul>
      ) : null}
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </>
  );
}
