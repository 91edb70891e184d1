'use client';

import { useSyncExternalStore } from 'react';
import type { MyList } from '@/lib/my-list/list';
import { getMyListServerSnapshot, getMyListSnapshot, subscribeToMyList } from '@/lib/my-list/store';

/** The saved list, the same snapshot for every component on the page and kept in step across tabs. */
export function useMyList(): MyList {
  return useSyncExternalStore(subscribeToMyList, getMyListSnapshot, getMyListServerSnapshot);
}

const subscribeToNothing = () => () => {};

/**
 * False on the server and during hydration, true once the browser has taken over. My list
 * lives in localStorage, so nothing about it may be shown (or offered) before that.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
