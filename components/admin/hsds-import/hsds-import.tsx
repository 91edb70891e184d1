import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import type { AppLocale } from '@/i18n/routing';
import { startHsdsImportAction } from '@/lib/directory/hsds-io/actions';
import { ENTITY_KINDS } from '@/lib/directory/hsds-io/model';
import type { ImportRunView } from '@/lib/directory/hsds-io/runs';
// The admin pages' tables: .admin-table, and .table-scroll that scrolls a wide table inside the page.
import '@/components/admin/thesaurus/thesaurus.css';

/**
 * The coordinator's HSDS page (/admin/import): export downloads, the upload form and the
 * latest runs; and one run's page with its progress, result and every error. Server
 * components only: the form posts without JavaScript, and a running import's page refreshes
 * itself with a meta refresh.
 */

const FORM_ID = 'hsds-import';
const FILE_FIELD_ID = `${FORM_ID}-file`;

function when(date: Date, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(date);
}

export async function HsdsImportPage({
  locale,
  runs,
  errorKey,
}: {
  locale: AppLocale;
  runs: Omit<ImportRunView, 'errors'>[];
  errorKey?: string;
}) {
  const t = await getTranslations({ locale, namespace: 'AdminImport' });
  const error = errorKey ? t(`errors.${errorKey}` as 'errors.invalid') : undefined;
  return (
    <div className="container info-page admin-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>

      <section aria-labelledby="hsds-export">
        <h2 id="hsds-export">{t('exportHeading')}</h2>
        <ul>
          <li>
            <a href="/admin/export/hsds.json" download>
              {t('exportJson')}
            </a>
          </li>
          <li>
            <a href="/admin/export/hsds-csv.zip" download>
              {t('exportCsv')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="hsds-import-heading">
        <h2 id="hsds-import-heading">{t('importHeading')}</h2>
        <p>{t('importIntro')}</p>
        {error ? (
          <div className="error-summary" role="alert" aria-labelledby={`${FORM_ID}-error-summary`}>
            <p id={`${FORM_ID}-error-summary`} className="error-summary__title">
              {t('errorSummary')}
            </p>
            <ul className="error-summary__list">
              <li>
                <a href={`#${FILE_FIELD_ID}`}>
                  {t('fileLabel')}: {error}
                </a>
              </li>
            </ul>
          </div>
        ) : null}
        <form id={FORM_ID} action={startHsdsImportAction}>
          <input type="hidden" name="locale" value={locale} />
          <div className="form-field">
            <label htmlFor={FILE_FIELD_ID}>{t('fileLabel')}</label>
            <p id={`${FILE_FIELD_ID}-hint`} className="form-hint">
              {t('fileHint')}
            </p>
            {error ? (
              <p id={`${FILE_FIELD_ID}-error`} className="field-error">
                {error}
              </p>
            ) : null}
            <input
              id={FILE_FIELD_ID}
              name="file"
              type="file"
              required
              accept=".json,.zip,application/json,application/zip"
              aria-invalid={error ? true : undefined}
              aria-describedby={[`${FILE_FIELD_ID}-hint`, error ? `${FILE_FIELD_ID}-error` : ''].filter(Boolean).join(' ')}
            />
          </div>
          <p>
            <button type="submit" className="button">
              {t('submit')}
            </button>
          </p>
        </form>
      </section>

      <section aria-labelledby="hsds-runs">
        <h2 id="hsds-runs">{t('runsHeading')}</h2>
        {runs.length === 0 ? (
          <p>{t('runsEmpty')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="hsds-runs" tabIndex={0}>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('columns.file')}</th>
                  <th scope="col">{t('columns.started')}</th>
                  <th scope="col">{t('columns.by')}</th>
                  <th scope="col">{t('columns.status')}</th>
                  <th scope="col">{t('columns.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <th scope="row">
                      <Link href={`/admin/import/${run.id}`}>{run.fileName}</Link>
                    </th>
                    <td>{when(run.createdAt, locale)}</td>
                    <td>{run.createdByName ?? t('commandLine')}</td>
                    <td>{t(`status.${run.status}`)}</td>
                    <td>
                      {run.processed} / {run.total}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** Seconds between refreshes of a running import's page. */
const REFRESH_SECONDS = 3;

export async function HsdsImportRunPage({ locale, run }: { locale: AppLocale; run: ImportRunView }) {
  const t = await getTranslations({ locale, namespace: 'AdminImport' });
  const isStale = (run.status === 'VALIDATING' || run.status === 'IMPORTING') && !run.isRunning;
  const body =
    run.status === 'REJECTED'
      ? t('rejectedBody')
      : run.status === 'FAILED'
        ? t('failedBody')
        : run.status === 'SUCCEEDED'
          ? t('succeededBody')
          : isStale
            ? t('staleBody')
            : run.status === 'VALIDATING'
              ? t('validatingText')
              : null;
  return (
    <div className="container info-page admin-page">
      {/* React puts this in <head>; without JavaScript the browser still refreshes. */}
      {run.isRunning ? <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
      <p>
        <Link href="/admin/import">{t('back')}</Link>
      </p>
      <h1>{t('runTitle', { file: run.fileName })}</h1>
      <p>
        <strong>{t(`status.${run.status}`)}</strong> · {when(run.createdAt, locale)}
        {run.createdByName ? ` · ${run.createdByName}` : ''}
      </p>
      {body ? <p role="status">{body}</p> : null}

      {run.status !== 'REJECTED' ? (
        <div className="form-field">
          <label htmlFor="hsds-progress">{t('progressLabel')}</label>
          <progress id="hsds-progress" max={Math.max(run.total, 1)} value={run.total ? run.processed : run.status === 'SUCCEEDED' ? 1 : 0} aria-describedby="hsds-progress-text">
            {t('progressText', { processed: run.processed, total: run.total })}
          </progress>
          <p id="hsds-progress-text">{t('progressText', { processed: run.processed, total: run.total })}</p>
        </div>
      ) : null}
      {run.isRunning ? (
        <p className="form-hint">
          {t('refreshNote')} <Link href={`/admin/import/${run.id}`}>{t('refreshLink')}</Link>
        </p>
      ) : null}

      {run.summary ? (
        <section aria-labelledby="hsds-summary">
          <h2 id="hsds-summary">{t('summaryHeading')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="hsds-summary" tabIndex={0}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('summaryCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('summaryColumns.kind')}</th>
                  <th scope="col">{t('summaryColumns.created')}</th>
                  <th scope="col">{t('summaryColumns.updated')}</th>
                  <th scope="col">{t('summaryColumns.unchanged')}</th>
                </tr>
              </thead>
              <tbody>
                {ENTITY_KINDS.map((kind) => {
                  const counts = run.summary?.[kind];
                  if (!counts) return null;
                  return (
                    <tr key={kind}>
                      <th scope="row">{t(`kinds.${kind}`)}</th>
                      <td>{counts.created}</td>
                      <td>{counts.updated}</td>
                      <td>{counts.unchanged}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {run.errors.length > 0 ? (
        <section aria-labelledby="hsds-errors">
          <h2 id="hsds-errors">{t('errorsHeading', { count: run.errors.length })}</h2>
          <div className="table-scroll" role="region" aria-labelledby="hsds-errors" tabIndex={0}>
            <table className="admin-table">
              <caption className="visually-hidden">{t('errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('errorColumns.file')}</th>
                  <th scope="col">{t('errorColumns.row')}</th>
                  <th scope="col">{t('errorColumns.field')}</th>
                  <th scope="col">{t('errorColumns.message')}</th>
                </tr>
              </thead>
              <tbody>
                {run.errors.map((e, i) => (
                  <tr key={i}>
                    <td dir="ltr">{e.file}</td>
                    <td>{e.row || ''}</td>
                    <td dir="ltr">{e.field}</td>
                    <td lang="en" dir="ltr">
                      {e.message}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}
