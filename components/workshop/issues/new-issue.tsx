import { useTranslations } from 'next-intl';
import type { FormMessages } from '@/components/forms/form-parts';
import type { AttachmentFieldLabels } from '@/components/workshop/attachments/attachment-field';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { fileIssueAction, updateDraftAction } from '@/lib/workshop/actions';
import type { FilingOptions, IssueDetail } from '@/lib/workshop/queries';
import { TEXT_MAX, TITLE_MAX } from '@/lib/workshop/schemas';
import { IssueForm } from './issue-form';
import { useIssueFormLabels } from './issue-form-texts';
import { useIssueFormMessages } from './texts';

const LIMITS = { title: TITLE_MAX, text: TEXT_MAX };

/** The file field of the filing form and the reasons a batch of files is refused, worded by the attachments feature. */
export interface FilingAttachments {
  labels: AttachmentFieldLabels;
  errors: Record<string, string>;
}

interface FilingProps {
  locale: AppLocale;
  options: FilingOptions;
  attachments?: FilingAttachments;
}

/** What the filing form and the draft editor share: texts, choices, limits and the file field. */
function useFilingForm({ locale, options, attachments }: FilingProps, labelsFor: Parameters<typeof useIssueFormLabels>[0]) {
  const messages: FormMessages = useIssueFormMessages();
  return {
    locale,
    categories: options.categories,
    municipalities: options.municipalities,
    labels: useIssueFormLabels(labelsFor),
    // The attachments' reasons beside the issue's own, which win where both have a text.
    messages: attachments ? { ...messages, errors: { ...attachments.errors, ...messages.errors } } : messages,
    limits: LIMITS,
    attachmentField: attachments?.labels,
  };
}

/** /verkstad/nytt: the filing form, or what to do when the person files for no association. */
export function NewIssue(props: FilingProps) {
  const { locale, options } = props;
  const t = useTranslations('Workshop');
  const only = options.organizations.length === 1 ? options.organizations[0]! : null;
  const shared = useFilingForm(props, { filedFor: only?.name ?? null, save: 'saveNew' });
  if (options.organizations.length === 0) {
    return (
      <div className="container container--text info-page workshop-issues">
        <h1>{t('newTitle')}</h1>
        <p className="lead">{t('errors.noAssociation')}</p>
        <p className="back-link">
          <Link href="/verkstad">{t('backToList')}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="container container--text info-page workshop-issues">
      <h1>{t('newTitle')}</h1>
      <p className="lead">{t('newLead')}</p>
      <p>{t('newPrivacy')}</p>
      <IssueForm
        {...shared}
        id="nytt-arende"
        action={fileIssueAction}
        hidden={{ locale }}
        initial={{
          title: '',
          description: '',
          desiredOutcome: '',
          categoryId: '',
          concerns: '',
          municipalityId: '',
          organizationId: options.organizations[0]!.id,
          confirmedNoPersonalData: false,
        }}
        organizations={options.organizations}
      />
      <p className="back-link">
        <Link href="/verkstad">{t('backToList')}</Link>
      </p>
    </div>
  );
}

/** /verkstad/[nummer]/redigera: the association changes its draft, and may send it. */
export function DraftEditor({ issue, ...props }: FilingProps & { issue: IssueDetail }) {
  const { locale, options } = props;
  const t = useTranslations('Workshop');
  const shared = useFilingForm(props, { filedFor: issue.filedBy.name, save: 'saveDraft' });
  const municipalityId = options.municipalities.find((m) => m.name === issue.municipality)?.id ?? '';
  return (
    <div className="container container--text info-page workshop-issues">
      <h1>{t('editTitle', { number: issue.number })}</h1>
      <p className="lead">{t('editLead')}</p>
      <IssueForm
        {...shared}
        id="utkast-form"
        action={updateDraftAction}
        hidden={{ locale, number: String(issue.number), version: String(issue.version) }}
        initial={{
          title: issue.title,
          description: issue.description,
          desiredOutcome: issue.desiredOutcome,
          categoryId: issue.category?.id ?? '',
          concerns: issue.concerns,
          municipalityId,
          organizationId: issue.filedBy.id,
          confirmedNoPersonalData: issue.confirmedNoPersonalData,
        }}
        organizations={[]}
      />
      <p className="back-link">
        <Link href={`/verkstad/${issue.number}`}>{t('backToIssue', { number: issue.number })}</Link>
      </p>
    </div>
  );
}
