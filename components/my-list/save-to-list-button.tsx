import type { MyListEntry } from '@/lib/my-list/entry';
import { SaveToListToggle } from './save-to-list-toggle';
import { getSaveButtonTexts } from './texts';
import './my-list.css';

/**
 * "Spara i Min lista" for a service page or a result card. Saving happens in the browser
 * only; the server merely hands over the snapshot to save and the texts. Renders nothing
 * until JavaScript runs (see SaveToListToggle). `entry.savedAt` is replaced when saving.
 */
export async function SaveToListButton({ entry }: { entry: MyListEntry }) {
  const texts = await getSaveButtonTexts();
  return <SaveToListToggle entry={entry} texts={texts} />;
}
