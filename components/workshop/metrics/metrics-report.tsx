import { useFormatter, useTranslations } from 'next-intl';
import { textDirection, type AppLocale } from '@/i18n/routing';
import type { DurationStat, MetricBucket, MetricSet, ShareStat, Term, WorkshopMetrics } from '@/lib/workshop/metrics';
import { OUTCOME_KEYS } from '@/lib/workshop/metrics';
import { BarChart } from './bar-chart';
import '@/components/admin/thesaurus/thesaurus.css';
import './figures.css';
import './metrics.css';

/** The texts and number formats of the report, shared by its parts. */
function useReportFormat() {
  const t = useTranslations('WorkshopMetrics');
  const format = useFormatter();
  const days = (value: number | null) =>
    value === null ? t('noValue') : t('days', { days: format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
  const plainDays = (value: number | null) => (value === null ? t('noValue') : format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const share = (s: ShareStat) =>
    s.percent === null
      ? t('shareNone')
      : t('share', { percent: format.number(s.percent, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), count: s.count, total: s.total });
  const count = (n: number) => format.number(n);
  const term = (value: Term) => t('term', { half: value.half, year: String(value.year) });
  return { t, days, plainDays, share, count, term };
}

type ReportFormat = ReturnType<typeof useReportFormat>;

function Headline({ overall, f }: { overall: MetricSet; f: ReportFormat }) {
  const { t } = f;
  const figures: [string, string, string?][] = [
    [t('figures.issues'), f.count(overall.issues)],
    [t('figures.medianTriage'), f.days(overall.timeToTriage.medianDays), t('basedOn', { n: overall.timeToTriage.n })],
    [t('figures.medianAnswer'), f.days(overall.timeToFirstAnswer.medianDays), t('basedOn', { n: overall.timeToFirstAnswer.n })],
    [t('figures.answeredBeforeMeeting'), f.share(overall.answeredBeforeMeeting)],
    [t('outcomes.resolved'), f.count(overall.outcomes.resolved)],
    [t('outcomes.closedUnresolved'), f.count(overall.outcomes.closedUnresolved)],
    [t('figures.overdue'), f.count(overall.overdue)],
    [t('figures.reopenRate'), f.share(overall.reopenRate)],
  ];
  return (
    <section aria-labelledby="i-korthet" className="metrics-section">
      <h2 id="i-korthet">{t('headlineHeading')}</h2>
      <dl className="metric-figures">
        {figures.map(([label, value, note]) => (
          <div key={label} className="metric-figure">
            <dt>{label}</dt>
            <dd>
              <span className="metric-figure__value">{value}</span>
              {note ? <span className="metric-figure__note">{note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Charts({ metrics, f, dir, isPrint }: { metrics: WorkshopMetrics; f: ReportFormat; dir: 'ltr' | 'rtl'; isPrint: boolean }) {
  const { t } = f;
  const table = (labelHeading: string, valueHeading: string) => ({ summary: t('charts.showTable'), labelHeading, valueHeading, isOpen: isPrint });
  const organizations = metrics.byOrganization.filter((b) => b.id !== null);
  return (
    <>
      <section aria-labelledby="utfall" className="metrics-section">
        <h2 id="utfall">{t('charts.outcomesHeading')}</h2>
        <BarChart
          id="diagram-utfall"
          dir={dir}
          title={t('charts.outcomesTitle')}
          description={t('charts.outcomesDescription')}
          bars={OUTCOME_KEYS.map((key) => ({
            label: t(`outcomes.${key}`),
            value: metrics.overall.outcomes[key],
            valueText: f.count(metrics.overall.outcomes[key]),
            // Closed without a solution must never be read as solved: another fill, not only another colour.
            isHatched: key === 'closedUnresolved',
          }))}
          table={table(t('columns.outcome'), t('columns.issues'))}
        />
      </section>
      <section aria-labelledby="svarstid" className="metrics-section">
        <h2 id="svarstid">{t('charts.answerHeading')}</h2>
        {organizations.length === 0 ? (
          <p>{t('charts.noAnswers')}</p>
        ) : (
          <BarChart
            id="diagram-svarstid"
            dir={dir}
            title={t('charts.answerTitle')}
            description={t('charts.answerDescription')}
            bars={organizations.map((b) => ({
              label: t('charts.labelWithCount', { name: b.name ?? '', basedOn: t('basedOn', { n: b.metrics.timeToFirstAnswer.n }) }),
              value: b.metrics.timeToFirstAnswer.medianDays,
              valueText: f.days(b.metrics.timeToFirstAnswer.medianDays),
            }))}
            table={table(t('columns.organization'), t('columns.answerMedian'))}
          />
        )}
      </section>
      <section aria-labelledby="terminer" className="metrics-section">
        <h2 id="terminer">{t('charts.termHeading')}</h2>
        {metrics.byTerm.length === 0 ? (
          <p>{t('empty')}</p>
        ) : (
          <BarChart
            id="diagram-terminer"
            dir={dir}
            title={t('charts.termTitle')}
            description={t('charts.termDescription')}
            bars={metrics.byTerm.map((b) => ({ label: f.term(b.term), value: b.metrics.issues, valueText: f.count(b.metrics.issues) }))}
            table={table(t('columns.term'), t('columns.issues'))}
          />
        )}
      </section>
    </>
  );
}

interface Row {
  key: string;
  name: string;
  metrics: MetricSet;
  isTotal?: boolean;
}

function durationCells(d: DurationStat, f: ReportFormat) {
  return (
    <>
      <td>{f.plainDays(d.medianDays)}</td>
      <td>{f.plainDays(d.meanDays)}</td>
      <td>{f.count(d.n)}</td>
    </>
  );
}

/** Two tables per breakdown: how long things take, and where the issues ended up. */
function Breakdown({ id, heading, note, nameHeading, rows, f }: { id: string; heading: string; note?: string; nameHeading: string; rows: Row[]; f: ReportFormat }) {
  const { t } = f;
  const rowHeader = (row: Row) => (
    <th scope="row" className={row.isTotal ? 'metrics-table__total' : undefined}>
      {row.name}
    </th>
  );
  return (
    <section aria-labelledby={id} className="metrics-section metrics-breakdown">
      <h2 id={id}>{heading}</h2>
      {note ? <p>{note}</p> : null}
      <div className="table-scroll" role="region" aria-labelledby={`${id}-tider`} tabIndex={0}>
        <table className="admin-table metrics-table">
          <caption id={`${id}-tider`}>{t('timesCaption', { heading })}</caption>
          <thead>
            <tr>
              <th scope="col">{nameHeading}</th>
              <th scope="col">{t('columns.issues')}</th>
              <th scope="col">{t('columns.triageMedian')}</th>
              <th scope="col">{t('columns.triageMean')}</th>
              <th scope="col">{t('columns.triageN')}</th>
              <th scope="col">{t('columns.answerMedian')}</th>
              <th scope="col">{t('columns.answerMean')}</th>
              <th scope="col">{t('columns.answerN')}</th>
              <th scope="col">{t('columns.answeredBeforeMeeting')}</th>
              <th scope="col">{t('columns.reopenRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {rowHeader(row)}
                <td>{f.count(row.metrics.issues)}</td>
                {durationCells(row.metrics.timeToTriage, f)}
                {durationCells(row.metrics.timeToFirstAnswer, f)}
                <td>{f.share(row.metrics.answeredBeforeMeeting)}</td>
                <td>{f.share(row.metrics.reopenRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll" role="region" aria-labelledby={`${id}-utfall`} tabIndex={0}>
        <table className="admin-table metrics-table">
          <caption id={`${id}-utfall`}>{t('outcomesCaption', { heading })}</caption>
          <thead>
            <tr>
              <th scope="col">{nameHeading}</th>
              <th scope="col">{t('columns.issues')}</th>
              {OUTCOME_KEYS.map((key) => (
                <th key={key} scope="col">
                  {t(`outcomes.${key}`)}
                </th>
              ))}
              <th scope="col">{t('figures.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                {rowHeader(row)}
                <td>{f.count(row.metrics.issues)}</td>
                {OUTCOME_KEYS.map((key) => (
                  <td key={key}>{f.count(row.metrics.outcomes[key])}</td>
                ))}
                <td>{f.count(row.metrics.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Definitions({ f }: { f: ReportFormat }) {
  const { t } = f;
  const terms = ['triage', 'answer', 'beforeMeeting', 'outcomes', 'overdue', 'reopen', 'term'] as const;
  return (
    <section aria-labelledby="definitioner" className="metrics-section">
      <h2 id="definitioner">{t('definitions.heading')}</h2>
      <dl className="metrics-definitions">
        {terms.map((key) => (
          <div key={key}>
            <dt>{t(`definitions.${key}Term`)}</dt>
            <dd>{t(`definitions.${key}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The coordinator's statistics: headline figures, charts with tables, and the breakdowns. */
export function MetricsReport({ metrics, locale, isPrint }: { metrics: WorkshopMetrics; locale: AppLocale; isPrint: boolean }) {
  const f = useReportFormat();
  const { t } = f;
  const total = (name: string): Row => ({ key: 'total', name, metrics: metrics.overall, isTotal: true });
  const buckets = (list: MetricBucket[], none: string): Row[] => list.map((b) => ({ key: b.id ?? 'none', name: b.name ?? none, metrics: b.metrics }));
  return (
    <>
      <Headline overall={metrics.overall} f={f} />
      <Charts metrics={metrics} f={f} dir={textDirection(locale)} isPrint={isPrint} />
      <Breakdown
        id="per-organisation"
        heading={t('byOrganization')}
        note={t('byOrganizationNote')}
        nameHeading={t('columns.organization')}
        rows={[total(t('allIssues')), ...buckets(metrics.byOrganization, t('noOrganization'))]}
        f={f}
      />
      <Breakdown
        id="per-kategori"
        heading={t('byCategory')}
        nameHeading={t('columns.category')}
        rows={[total(t('allIssues')), ...buckets(metrics.byCategory, t('noCategory'))]}
        f={f}
      />
      <Breakdown
        id="per-termin"
        heading={t('byTerm')}
        nameHeading={t('columns.term')}
        rows={[total(t('allIssues')), ...metrics.byTerm.map((b) => ({ key: b.label, name: f.term(b.term), metrics: b.metrics }))]}
        f={f}
      />
      <Definitions f={f} />
    </>
  );
}
