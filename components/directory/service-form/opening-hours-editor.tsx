'use client';

/**
 * Opening hours: weekly periods (several a day, past midnight, seasonal) and date exceptions.
 * Without JavaScript the server renders the rows there are plus blank ones, and a row is removed
 * by ticking "remove"; with JavaScript, buttons add rows where they are needed.
 */
import { useState, useSyncExternalStore } from 'react';
import type { ServiceFormValues } from '@/lib/directory/service-input';
import { Checkbox, Row, Section, Select, TextInput, controlId, type FormContext } from './fields';
import { SPARE_ROWS } from './sections';

type Period = ServiceFormValues['schedules'][number];
type Exception = ServiceFormValues['exceptions'][number];

const blankPeriod = (weekday = '1'): Period => ({ weekday, opens: '', closes: '', description: '', validFrom: '', validTo: '', locationIndex: '' });
const blankException = (): Exception => ({ date: '', isClosed: true, opens: '', closes: '', reason: '' });

const noSubscription = () => () => {};
/** False while the server renders and before hydration: buttons that need JavaScript wait for it. */
const useIsEnhanced = () => useSyncExternalStore(noSubscription, () => true, () => false);

export function OpeningHoursEditor({ ctx, weekdayNames }: { ctx: FormContext; weekdayNames: string[] }) {
  const { t, values: v } = ctx;
  const [periods, setPeriods] = useState<Period[]>(() => [...v.schedules, ...Array.from({ length: SPARE_ROWS }, () => blankPeriod())]);
  const [exceptions, setExceptions] = useState<Exception[]>(() => [...v.exceptions, ...Array.from({ length: SPARE_ROWS }, blankException)]);
  const isEnhanced = useIsEnhanced();
  const places = v.locations.map((l, i) => ({ value: String(i), label: l.name || t('rows.locations', { n: i + 1, name: '' }) }));

  const addPeriod = () => {
    const last = periods.at(-1);
    setPeriods([...periods, blankPeriod(last ? String((Number(last.weekday) % 7) + 1) : '1')]);
    // The new row's first field gets focus once it exists.
    setTimeout(() => document.getElementById(controlId(ctx.formId, `schedules.${periods.length}.weekday`))?.focus(), 0);
  };
  const addException = () => {
    setExceptions([...exceptions, blankException()]);
    setTimeout(() => document.getElementById(controlId(ctx.formId, `exceptions.${exceptions.length}.date`))?.focus(), 0);
  };

  return (
    <Section id={`${ctx.formId}-oppettider`} title={t('sections.hours')} intro={t('hints.hours')}>
      <h3>{t('hours.weekly')}</h3>
      {periods.map((p, i) => (
        <Row key={`period-${i}`} legend={t('rows.schedules', { n: i + 1 })}>
          <Select ctx={ctx} name={`schedules.${i}.weekday`} label={t('fields.weekday')} value={p.weekday} choices={weekdayNames.map((name, d) => ({ value: String(d + 1), label: name }))} />
          <TextInput ctx={ctx} name={`schedules.${i}.opens`} label={t('fields.opens')} hint={t('hints.clock')} value={p.opens} maxLength={5} inputMode="numeric" className="service-form__clock" />
          <TextInput ctx={ctx} name={`schedules.${i}.closes`} label={t('fields.closes')} hint={t('hints.closes')} value={p.closes} maxLength={5} inputMode="numeric" className="service-form__clock" />
          <TextInput ctx={ctx} name={`schedules.${i}.description`} label={t('fields.periodDescription')} hint={t('hints.periodDescription')} value={p.description} maxLength={500} />
          {places.length > 0 ? (
            <Select ctx={ctx} name={`schedules.${i}.locationIndex`} label={t('fields.locationIndex')} value={p.locationIndex} choices={[{ value: '', label: t('wholeService') }, ...places]} />
          ) : null}
          <TextInput ctx={ctx} name={`schedules.${i}.validFrom`} label={t('fields.validFrom')} value={p.validFrom} type="date" />
          <TextInput ctx={ctx} name={`schedules.${i}.validTo`} label={t('fields.validTo')} value={p.validTo} type="date" />
          <Checkbox ctx={ctx} name={`schedules.${i}.remove`} label={t('remove')} checked={false} />
        </Row>
      ))}
      {isEnhanced ? (
        <p>
          <button type="button" className="button button--secondary button--small" onClick={addPeriod}>
            {t('hours.addPeriod')}
          </button>
        </p>
      ) : null}

      <h3>{t('hours.exceptions')}</h3>
      <p className="form-hint">{t('hints.exceptions')}</p>
      {exceptions.map((e, i) => {
        const modeId = controlId(ctx.formId, `exceptions.${i}.mode`);
        return (
          <Row key={`exception-${i}`} legend={t('rows.exceptions', { n: i + 1 })}>
            <TextInput ctx={ctx} name={`exceptions.${i}.date`} label={t('fields.date')} value={e.date} type="date" />
            <fieldset className="form-fieldset service-form__mode">
              <legend>{t('fields.exceptionMode')}</legend>
              <label className="checkbox-label" htmlFor={`${modeId}-closed`}>
                <input id={`${modeId}-closed`} type="radio" name={`exceptions.${i}.mode`} value="closed" defaultChecked={e.isClosed} /> {t('exceptionMode.closed')}
              </label>
              <label className="checkbox-label" htmlFor={`${modeId}-open`}>
                <input id={`${modeId}-open`} type="radio" name={`exceptions.${i}.mode`} value="open" defaultChecked={!e.isClosed} /> {t('exceptionMode.open')}
              </label>
            </fieldset>
            <TextInput ctx={ctx} name={`exceptions.${i}.opens`} label={t('fields.opens')} hint={t('hints.clock')} value={e.opens} maxLength={5} inputMode="numeric" className="service-form__clock" />
            <TextInput ctx={ctx} name={`exceptions.${i}.closes`} label={t('fields.closes')} value={e.closes} maxLength={5} inputMode="numeric" className="service-form__clock" />
            <TextInput ctx={ctx} name={`exceptions.${i}.reason`} label={t('fields.reason')} value={e.reason} maxLength={500} />
            <Checkbox ctx={ctx} name={`exceptions.${i}.remove`} label={t('remove')} checked={false} />
          </Row>
        );
      })}
      {isEnhanced ? (
        <p>
          <button type="button" className="button button--secondary button--small" onClick={addException}>
            {t('hours.addException')}
          </button>
        </p>
      ) : null}
    </Section>
  );
}
