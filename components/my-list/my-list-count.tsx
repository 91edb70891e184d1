'use client';

import { useMyList } from './use-my-list';
import './my-list.css';

/**
 * How many services are saved, for the "Min lista" navigation link; nothing when the list
 * is empty or not read yet (the server cannot know: it renders the empty snapshot).
 */
export function MyListCount({ className }: { className?: string }) {
  const list = useMyList();
  if (list.length === 0) return null;
  return <span className={className ? `my-list-count ${className}` : 'my-list-count'}>{list.length}</span>;
}
