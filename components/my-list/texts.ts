import { getTranslations } from 'next-intl/server';
import { HELP_LINES, type HelpLineId } from '@/components/help/help-numbers';
import { MY_LIST_MAX_ENTRIES, MY_LIST_PRINT_CAPACITY } from '@/lib/my-list/list';

/** What a save button says; `{name}` in the announcements is filled in by the browser. */
export interface SaveButtonTexts {
  save: string;
  saved: string;
  announceSaved: string;
  announceRemoved: string;
  announceFull: string;
  announceUnavailable: string;
}

export interface HandoutTexts {
  heading: string;
  /** Template with `{date}`. */
  printedOn: string;
  scanHint: string;
  /** Template with `{name}`. */
  qrLabel: string;
  phone: string;
  address: string;
  openingHours: string;
  helpHeading: string;
  helpLines: { id: HelpLineId; display: string; dial: string; label: string }[];
}

export interface MyListViewTexts {
  needsJavaScript: string;
  storageUnavailable: string;
  /** Template with `{count}`. */
  listHeading: string;
  emptyHeading: string;
  emptyBody: string;
  emptySearch: string;
  emptyCategories: string;
  howToGetHelp: string;
  phone: string;
  email: string;
  website: string;
  address: string;
  openingHours: string;
  /** Template with `{date}`. */
  savedOn: string;
  remove: string;
  print: string;
  printHint: string;
  tooManyToPrint: string;
  actionsLabel: string;
  clearAll: string;
  confirmClear: string;
  confirmClearYes: string;
  confirmClearNo: string;
  cleared: string;
  /** Template with `{name}`. */
  announceRemoved: string;
  handout: HandoutTexts;
}

export async function getSaveButtonTexts(): Promise<SaveButtonTexts> {
  const t = await getTranslations('MyList');
  return {
    save: t('save'),
    saved: t('saved'),
    announceSaved: t.raw('announceSaved') as string,
    announceRemoved: t.raw('announceRemoved') as string,
    announceFull: t('announceFull', { max: MY_LIST_MAX_ENTRIES }),
    announceUnavailable: t('announceUnavailable'),
  };
}

export async function getMyListViewTexts(): Promise<MyListViewTexts> {
  const t = await getTranslations('MyList');
  const raw = (key: Parameters<typeof t.raw>[0]) => t.raw(key) as string;
  return {
    needsJavaScript: t('page.needsJavaScript'),
    storageUnavailable: t('page.storageUnavailable'),
    listHeading: raw('page.listHeading'),
    emptyHeading: t('page.emptyHeading'),
    emptyBody: t('page.emptyBody'),
    emptySearch: t('page.emptySearch'),
    emptyCategories: t('page.emptyCategories'),
    howToGetHelp: t('page.howToGetHelp'),
    phone: t('page.phone'),
    email: t('page.email'),
    website: t('page.website'),
    address: t('page.address'),
    openingHours: t('page.openingHours'),
    savedOn: raw('page.savedOn'),
    remove: t('page.remove'),
    print: t('page.print'),
    printHint: t('page.printHint'),
    tooManyToPrint: t('page.tooManyToPrint', { max: MY_LIST_PRINT_CAPACITY }),
    actionsLabel: t('page.actionsLabel'),
    clearAll: t('page.clearAll'),
    confirmClear: t('page.confirmClear'),
    confirmClearYes: t('page.confirmClearYes'),
    confirmClearNo: t('page.confirmClearNo'),
    cleared: t('page.cleared'),
    announceRemoved: raw('announceRemoved'),
    handout: {
      heading: t('handout.heading'),
      printedOn: raw('handout.printedOn'),
      scanHint: t('handout.scanHint'),
      qrLabel: raw('handout.qrLabel'),
      phone: t('handout.phone'),
      address: t('handout.address'),
      openingHours: t('handout.openingHours'),
      helpHeading: t('handout.helpHeading'),
      helpLines: HELP_LINES.map((line) => ({ ...line, label: t(`handout.helpLines.${line.id}`) })),
    },
  };
}
