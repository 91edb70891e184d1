import { getFormatter, getTranslations } from 'next-intl/server';
import type { AppLocale } from '@/i18n/routing';
import { PORTAL_TIME_ZONE } from '@/lib/time/zoned';
import { uploadAttachmentsAction } from '@/lib/workshop/attachment-actions';
import { ATTACHMENT_TYPE_NAMES, MAX_ATTACHMENTS_PER_ISSUE, type AttachmentMimeType } from '@/lib/workshop/attachment-rules';
import { attachmentHref } from '@/lib/workshop/attachments';
import type { IssueDetail } from '@/lib/workshop/queries';
import { AttachmentField } from './attachment-field';
import { AttachmentUploadForm } from './attachment-upload-form';
import { getAttachmentFieldLabels, getAttachmentFormMessages } from './texts';
import '@/components/admin/thesaurus/thesaurus.css';
import './attachments.css';

export interface IssueAttachmentsProps {
  locale: AppLocale;
  /** The issue as getIssue gives it: its number, its attachments and whether the reader may attach. */
  issue: Pick<IssueDetail, 'number' | 'attachments'> & { can: Pick<IssueDetail['can'], 'attach'> };
}

const MB = 1024 * 1024;

const typeName = (mimeType: string) => ATTACHMENT_TYPE_NAMES[mimeType as AttachmentMimeType] ?? 'other';

/**
 * The issue's files, as a table with a download link each (name, type, size, when), and the
 * form to add more for those who may (`can.attach`). Files are for signed-in readers only, so
 * getIssue gives residents none.
 */
export async function IssueAttachments({ locale, issue }: IssueAttachmentsProps) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: 'WorkshopAttachments' }), getFormatter({ locale })]);
  const size = (bytes: number) =>
    bytes < MB
      ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
      : format.number(bytes / MB, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
  const remaining = MAX_ATTACHMENTS_PER_ISSUE - issue.attachments.length;

  return (
    <section aria-labelledby="bilagor-rubrik" id="bilagor" className="form-section issue-attachments">
      <h2 id="bilagor-rubrik">{t('heading')}</h2>
      {issue.attachments.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="bilagor-tabell" tabIndex={0}>
          <table className="admin-table attachment-table">
            <caption id="bilagor-tabell">{t('caption', { number: issue.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colFile')}</th>
                <th scope="col">{t('colType')}</th>
                <th scope="col">{t('colSize')}</th>
                <th scope="col">{t('colAdded')}</th>
              </tr>
            </thead>
            <tbody>
              {issue.attachments.map((attachment) => (
                <tr key={attachment.id}>
                  <th scope="row" className="attachment-table__name">
                    {/* A plain link: the file is not a page in a language (app/media). */}
                    <a href={attachmentHref(attachment.id)} download>
                      {attachment.fileName}
                    </a>
                  </th>
                  <td>{t(`types.${typeName(attachment.mimeType)}`)}</td>
                  <td className="attachment-table__size">{size(attachment.byteSize)}</td>
                  <td>
                    <time dateTime={attachment.createdAt.toISOString()}>
                      {format.dateTime(attachment.createdAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: PORTAL_TIME_ZONE })}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {issue.can.attach ? (
        remaining > 0 ? (
          <>
            <h3 id="bilagor-ny">{t('uploadHeading')}</h3>
            <AttachmentUploadForm
              id="bilaga-form"
              action={uploadAttachmentsAction}
              hidden={{ locale, number: String(issue.number) }}
              attached={issue.attachments.length}
              labels={{ ...(await getAttachmentFieldLabels(locale, remaining)), submit: t('submit'), refusedFile: t('refusedFile', { file: '{file}' }) }}
              messages={await getAttachmentFormMessages(locale)}
            />
          </>
        ) : (
          <p>{t('full', { max: MAX_ATTACHMENTS_PER_ISSUE })}</p>
        )
      ) : null}
    </section>
  );
}

/**
 * The file field for a form that files or edits an issue (IssueForm's `attachments` slot). The
 * form's action hands the files to addAttachments(actor, number, files) of
 * lib/workshop/attachments.ts; `attached` counts the files a draft has already.
 */
export async function IssueFormAttachmentField({ locale, formId, attached = 0 }: { locale: AppLocale; formId: string; attached?: number }) {
  return <AttachmentField formId={formId} labels={await getAttachmentFieldLabels(locale, MAX_ATTACHMENTS_PER_ISSUE - attached)} />;
}
