import { useTranslations } from 'next-intl';
import type { IssueFormLabels } from './issue-form';

/** The filing form's labels, worded on the server. `filedFor` names the association when there is no choice. */
export function useIssueFormLabels({ filedFor, save }: { filedFor: string | null; save: 'saveNew' | 'saveDraft' }): IssueFormLabels {
  const t = useTranslations('Workshop');
  return {
    organization: t('form.organization'),
    organizationFixed: filedFor ? t('form.filedFor', { organization: filedFor }) : null,
    title: t('form.title'),
    titleHint: t('form.titleHint'),
    description: t('form.description'),
    descriptionHint: t('form.descriptionHint'),
    desiredOutcome: t('form.desiredOutcome'),
    desiredOutcomeHint: t('form.desiredOutcomeHint'),
    category: t('form.category'),
    categoryHint: t('form.categoryHint'),
    noCategory: t('noCategory'),
    concerns: t('form.concerns'),
    concernsOptions: { REGION: t('form.concernsRegion'), MUNICIPALITY: t('form.concernsMunicipality'), BOTH: t('form.concernsBoth') },
    municipality: t('form.municipality'),
    municipalityHint: t('form.municipalityHint'),
    chooseMunicipality: t('form.chooseMunicipality'),
    confirm: t('form.confirm'),
    confirmHint: t('form.confirmHint'),
    // The placeholder survives: the browser fills in the kinds it finds.
    warning: t('form.personalDataWarning', { found: '{found}' }),
    kinds: { personalNumber: t('form.kinds.personalNumber'), phone: t('form.kinds.phone'), email: t('form.kinds.email') },
    submit: t('form.submit'),
    save: t(`form.${save}`),
  };
}
