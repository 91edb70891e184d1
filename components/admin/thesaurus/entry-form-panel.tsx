import { getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import { createThesaurusEntryAction, updateThesaurusEntryAction } from '@/lib/search/thesaurus/actions';
import type { CategoryOption } from '@/lib/search/thesaurus/admin';
import { PHRASE_MAX_LENGTH, thesaurusErrors, TOPIC_MAX_LENGTH } from '@/lib/search/thesaurus/schemas';
import { ThesaurusEntryForm, type EntryFormValues } from './thesaurus-entry-form';

interface EntryFormPanelProps {
  locale: AppLocale;
  /** Absent: a new entry. */
  entryId?: string;
  initial: EntryFormValues;
  categoryOptions: CategoryOption[];
  topics: string[];
}

/** The entry form with every text resolved here on the server, for creating and for editing. */
export async function EntryFormPanel({ locale, entryId, initial, categoryOptions, topics }: EntryFormPanelProps) {
  const t = await getTranslations({ locale, namespace: 'AdminThesaurus' });
  return (
    <ThesaurusEntryForm
      id="uppslag"
      action={entryId ? updateThesaurusEntryAction : createThesaurusEntryAction}
      hidden={entryId ? { locale, id: entryId } : { locale }}
      initial={initial}
      categoryOptions={categoryOptions}
      topics={topics}
      limits={{ phrase: PHRASE_MAX_LENGTH, topic: TOPIC_MAX_LENGTH }}
      messages={{
        errorSummary: t('errorSummary'),
        errors: Object.fromEntries(thesaurusErrors.keys.map((key) => [key, t(`errors.${key}`)])),
        success: {},
      }}
      labels={{
        input: t('fields.input'),
        inputHint: t('fields.inputHint'),
        synonyms: t('fields.synonyms'),
        synonymsHint: t('fields.synonymsHint'),
        categories: t('fields.categories'),
        categoriesHint: t('fields.categoriesHint'),
        inactiveCategory: t('fields.inactiveCategory'),
        topic: t('fields.topic'),
        topicHint: t('fields.topicHint'),
        isMutual: t('fields.isMutual'),
        isMutualHint: t('fields.isMutualHint'),
        isActive: t('fields.isActive'),
        isActiveHint: t('fields.isActiveHint'),
        submit: entryId ? t('save') : t('create'),
      }}
    />
  );
}
