/**
 * The sections of the service form, one fieldset each. Field names are the input's paths
 * (`phones.2.number`) so `serviceInputFromForm` reads them back; every list shows its rows plus
 * blank ones, so the form can grow without JavaScript.
 */
import { COMMON_LANGUAGE_CODES, LIMITS, PHONE_KINDS, SERVICE_STATUSES, TRANSLATED_FIELDS, TRANSLATION_LOCALES, emptyLocationInput, type ServiceFormValues } from '@/lib/directory/service-input';
import { CheckboxGroup, Checkbox, Row, Section, Select, TextArea, TextInput, controlId, type FormContext } from './fields';

/** Blank rows offered after the filled ones. */
export const SPARE_ROWS = 2;

const blankPhone = () => ({ number: '', kind: 'VOICE', description: '' });

export function BasicsSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v, options, mode } = ctx;
  return (
    <Section id={`${ctx.formId}-grund`} title={t('sections.basics')}>
      {mode === 'coordinator' ? (
        <Select
          ctx={ctx}
          name="organizationId"
          label={t('fields.organizationId')}
          hint={t('hints.organizationId')}
          value={v.organizationId}
          choices={options.organizations.map((o) => ({ value: o.id, label: o.name }))}
          required
        />
      ) : (
        <input type="hidden" name="organizationId" value={v.organizationId} />
      )}
      <TextInput ctx={ctx} name="name" label={t('fields.name')} value={v.name} maxLength={LIMITS.name} required />
      <TextInput ctx={ctx} name="alternateName" label={t('fields.alternateName')} hint={t('hints.alternateName')} value={v.alternateName} maxLength={LIMITS.name} />
      <TextArea ctx={ctx} name="summary" label={t('fields.summary')} hint={t('hints.summary')} value={v.summary} maxLength={LIMITS.summary} rows={2} required />
      <TextArea ctx={ctx} name="description" label={t('fields.description')} value={v.description} maxLength={LIMITS.description} rows={8} required />
      <TextArea ctx={ctx} name="easyReadSummary" label={t('fields.easyReadSummary')} hint={t('hints.easyReadSummary')} value={v.easyReadSummary} maxLength={LIMITS.longText} rows={4} />
      <TextArea ctx={ctx} name="applicationProcess" label={t('fields.applicationProcess')} hint={t('hints.applicationProcess')} value={v.applicationProcess} maxLength={LIMITS.longText} />
      <TextArea ctx={ctx} name="eligibilityDescription" label={t('fields.eligibilityDescription')} value={v.eligibilityDescription} maxLength={LIMITS.longText} />
      <div className="service-form__pair">
        <TextInput ctx={ctx} name="minimumAge" label={t('fields.minimumAge')} value={v.minimumAge} inputMode="numeric" maxLength={3} />
        <TextInput ctx={ctx} name="maximumAge" label={t('fields.maximumAge')} value={v.maximumAge} inputMode="numeric" maxLength={3} />
      </div>
      {mode === 'coordinator' ? (
        <Select ctx={ctx} name="status" label={t('fields.status')} hint={t('hints.status')} value={v.status} choices={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      ) : (
        <input type="hidden" name="status" value={v.status} />
      )}
    </Section>
  );
}

export function ClassificationSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v, options } = ctx;
  const categories = options.categories.map((c) => ({ value: c.id, label: c.isActive ? c.name : t('inactiveCategory', { name: c.name }) }));
  return (
    <Section id={`${ctx.formId}-kategorier`} title={t('sections.classification')}>
      <Select ctx={ctx} name="primaryCategoryId" label={t('fields.primaryCategoryId')} hint={t('hints.primaryCategoryId')} value={v.primaryCategoryId} choices={[{ value: '', label: t('choose') }, ...categories]} required />
      <CheckboxGroup ctx={ctx} name="categoryIds" legend={t('fields.categoryIds')} hint={t('hints.categoryIds')} choices={categories} chosen={v.categoryIds} />
      <CheckboxGroup ctx={ctx} name="targetGroupIds" legend={t('fields.targetGroupIds')} choices={options.targetGroups.map((g) => ({ value: g.id, label: g.name }))} chosen={v.targetGroupIds} />
    </Section>
  );
}

export function AttributesSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v, options } = ctx;
  return (
    <Section id={`${ctx.formId}-egenskaper`} title={t('sections.attributes')} intro={t('hints.attributes')}>
      <ul className="service-form__choices">
        {options.attributes.map((a) => {
          const index = v.attributes.findIndex((x) => x.attributeId === a.id);
          const chosen = index >= 0 ? v.attributes[index] : undefined;
          return (
            <li key={a.id}>
              <Checkbox ctx={ctx} name="attributeIds" value={a.id} idPath={`attributes.${index >= 0 ? index : a.id}.attributeId`} errorPath={index >= 0 ? `attributes.${index}.attributeId` : undefined} label={a.name} hint={a.description || undefined} checked={Boolean(chosen)} />
              <TextInput ctx={ctx} name={`attributeNote.${a.id}`} errorPath={index >= 0 ? `attributes.${index}.note` : `attributeNote.${a.id}`} label={t('fields.attributeNote', { name: a.name })} value={chosen?.note ?? ''} maxLength={LIMITS.note} />
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

export function LanguagesSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v, locale } = ctx;
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const nameOf = (code: string) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  };
  const common = new Set<string>(COMMON_LANGUAGE_CODES);
  const others = v.languages.map((l, index) => ({ ...l, index })).filter((l) => !common.has(l.code));
  const otherRows = [...others, ...Array.from({ length: SPARE_ROWS }, () => ({ code: '', note: '', index: -1 }))];
  return (
    <Section id={`${ctx.formId}-sprak`} title={t('sections.languages')} intro={t('hints.languages')}>
      <ul className="service-form__choices">
        {COMMON_LANGUAGE_CODES.map((code) => {
          const index = v.languages.findIndex((l) => l.code === code);
          return (
            <li key={code}>
              <Checkbox ctx={ctx} name="languageCodes" value={code} idPath={`languages.${index >= 0 ? index : code}.code`} errorPath={index >= 0 ? `languages.${index}.code` : undefined} label={nameOf(code)} checked={index >= 0} />
              <TextInput ctx={ctx} name={`languageNote.${code}`} errorPath={index >= 0 ? `languages.${index}.note` : `languageNote.${code}`} label={t('fields.languageNote', { name: nameOf(code) })} value={index >= 0 ? (v.languages[index]?.note ?? '') : ''} maxLength={LIMITS.note} />
            </li>
          );
        })}
      </ul>
      {otherRows.map((l, i) => (
        <Row key={`other-${i}`} legend={t('rows.otherLanguage', { n: i + 1 })}>
          <TextInput ctx={ctx} name={`otherLanguages.${i}.code`} errorPath={l.index >= 0 ? `languages.${l.index}.code` : undefined} label={t('fields.languageCode')} hint={t('hints.languageCode')} value={l.code} maxLength={3} />
          <TextInput ctx={ctx} name={`otherLanguages.${i}.note`} errorPath={l.index >= 0 ? `languages.${l.index}.note` : undefined} label={t('fields.note')} value={l.note} maxLength={LIMITS.note} />
        </Row>
      ))}
    </Section>
  );
}

function PhoneFields({ ctx, prefix, phone, isExisting }: { ctx: FormContext; prefix: string; phone: { number: string; kind: string; description: string }; isExisting: boolean }) {
  const { t } = ctx;
  return (
    <>
      <TextInput ctx={ctx} name={`${prefix}.number`} label={t('fields.phoneNumber')} value={phone.number} type="tel" maxLength={LIMITS.phone} />
      <Select ctx={ctx} name={`${prefix}.kind`} label={t('fields.phoneKind')} value={phone.kind} choices={PHONE_KINDS.map((k) => ({ value: k, label: t(`phoneKind.${k}`) }))} />
      <TextInput ctx={ctx} name={`${prefix}.description`} label={t('fields.phoneDescription')} hint={t('hints.phoneDescription')} value={phone.description} maxLength={LIMITS.note} />
      {isExisting ? <Checkbox ctx={ctx} name={`${prefix}.remove`} label={t('remove')} checked={false} /> : null}
    </>
  );
}

export function CostSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v } = ctx;
  const blank = { option: '', amount: '', currency: 'SEK', amountDescription: '', validFrom: '', validTo: '' };
  const rows = [...v.costOptions.map((c) => ({ c, isExisting: true })), { c: blank, isExisting: false }];
  return (
    <Section id={`${ctx.formId}-kostnad`} title={t('sections.cost')}>
      <Checkbox ctx={ctx} name="isFree" label={t('fields.isFree')} checked={v.isFree} />
      <TextArea ctx={ctx} name="feesDescription" label={t('fields.feesDescription')} hint={t('hints.feesDescription')} value={v.feesDescription} maxLength={LIMITS.longText} rows={2} />
      {rows.map(({ c, isExisting }, i) => (
        <Row key={`cost-${i}`} legend={t('rows.costOptions', { n: i + 1 })}>
          <TextInput ctx={ctx} name={`costOptions.${i}.option`} label={t('fields.option')} value={c.option} maxLength={LIMITS.name} />
          <TextInput ctx={ctx} name={`costOptions.${i}.amount`} label={t('fields.amount')} value={c.amount} inputMode="decimal" maxLength={12} />
          <TextInput ctx={ctx} name={`costOptions.${i}.currency`} label={t('fields.currency')} value={c.currency} maxLength={3} />
          <TextInput ctx={ctx} name={`costOptions.${i}.amountDescription`} label={t('fields.amountDescription')} value={c.amountDescription} maxLength={LIMITS.note} />
          <TextInput ctx={ctx} name={`costOptions.${i}.validFrom`} label={t('fields.validFrom')} value={c.validFrom} type="date" />
          <TextInput ctx={ctx} name={`costOptions.${i}.validTo`} label={t('fields.validTo')} value={c.validTo} type="date" />
          {isExisting ? <Checkbox ctx={ctx} name={`costOptions.${i}.remove`} label={t('remove')} checked={false} /> : null}
        </Row>
      ))}
    </Section>
  );
}

export function ContactSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v } = ctx;
  const phones = [...v.phones.map((p) => ({ p, isExisting: true })), ...Array.from({ length: SPARE_ROWS }, () => ({ p: blankPhone(), isExisting: false }))];
  const blankContact: ServiceFormValues['contacts'][number] = { name: '', title: '', department: '', email: '', phones: [] };
  const contacts = [...v.contacts.map((c) => ({ c, isExisting: true })), { c: blankContact, isExisting: false }];
  return (
    <Section id={`${ctx.formId}-kontakt`} title={t('sections.contact')}>
      <TextInput ctx={ctx} name="email" label={t('fields.email')} value={v.email} type="email" maxLength={LIMITS.email} />
      <TextInput ctx={ctx} name="url" label={t('fields.url')} hint={t('hints.url')} value={v.url} type="url" maxLength={LIMITS.url} />
      {phones.map(({ p, isExisting }, i) => (
        <Row key={`phone-${i}`} legend={t('rows.phones', { n: i + 1 })}>
          <PhoneFields ctx={ctx} prefix={`phones.${i}`} phone={p} isExisting={isExisting} />
        </Row>
      ))}
      {contacts.map(({ c, isExisting }, i) => (
        <Row key={`contact-${i}`} legend={t('rows.contacts', { n: i + 1 })} className="service-form__row--wide">
          <TextInput ctx={ctx} name={`contacts.${i}.name`} label={t('fields.name')} value={c.name} maxLength={LIMITS.name} />
          <TextInput ctx={ctx} name={`contacts.${i}.title`} label={t('fields.title')} value={c.title} maxLength={LIMITS.name} />
          <TextInput ctx={ctx} name={`contacts.${i}.department`} label={t('fields.department')} value={c.department} maxLength={LIMITS.name} />
          <TextInput ctx={ctx} name={`contacts.${i}.email`} label={t('fields.email')} value={c.email} type="email" maxLength={LIMITS.email} />
          {[...c.phones, blankPhone()].map((p, j) => (
            <Row key={`contact-${i}-phone-${j}`} legend={t('rows.contactPhones', { n: j + 1 })}>
              <PhoneFields ctx={ctx} prefix={`contacts.${i}.phones.${j}`} phone={p} isExisting={j < c.phones.length} />
            </Row>
          ))}
          {isExisting ? <Checkbox ctx={ctx} name={`contacts.${i}.remove`} label={t('removeContact')} checked={false} /> : null}
        </Row>
      ))}
    </Section>
  );
}

type LocationValues = ServiceFormValues['locations'][number];

function LocationFields({ ctx, index, location }: { ctx: FormContext; index: number; location: LocationValues }) {
  const { t, options } = ctx;
  const p = `locations.${index}`;
  return (
    <>
      {location.id ? <input type="hidden" name={`${p}.id`} value={location.id} /> : null}
      <TextInput ctx={ctx} name={`${p}.name`} label={t('fields.locationName')} value={location.name} maxLength={LIMITS.name} />
      <TextInput ctx={ctx} name={`${p}.serviceDescription`} label={t('fields.serviceDescription')} hint={t('hints.serviceDescription')} value={location.serviceDescription} maxLength={LIMITS.note} />
      <Checkbox ctx={ctx} name={`${p}.isProtected`} label={t('fields.isProtected')} hint={t('hints.isProtected')} checked={location.isProtected} />
      <TextInput ctx={ctx} name={`${p}.addressLine1`} label={t('fields.addressLine1')} value={location.addressLine1} maxLength={LIMITS.name} autoComplete="off" />
      <TextInput ctx={ctx} name={`${p}.addressLine2`} label={t('fields.addressLine2')} value={location.addressLine2} maxLength={LIMITS.name} />
      <TextInput ctx={ctx} name={`${p}.postalCode`} label={t('fields.postalCode')} value={location.postalCode} maxLength={10} inputMode="numeric" />
      <TextInput ctx={ctx} name={`${p}.city`} label={t('fields.city')} value={location.city} maxLength={LIMITS.name} />
      <Select ctx={ctx} name={`${p}.municipalityId`} label={t('fields.municipalityId')} value={location.municipalityId} choices={[{ value: '', label: t('none') }, ...options.municipalities.map((m) => ({ value: m.id, label: m.name }))]} />
      <TextInput ctx={ctx} name={`${p}.latitude`} label={t('fields.latitude')} hint={t('hints.coordinates')} value={location.latitude} inputMode="decimal" maxLength={20} />
      <TextInput ctx={ctx} name={`${p}.longitude`} label={t('fields.longitude')} value={location.longitude} inputMode="decimal" maxLength={20} />
      <TextArea ctx={ctx} name={`${p}.description`} label={t('fields.locationDescription')} value={location.description} maxLength={LIMITS.note} rows={2} />
      <TextArea ctx={ctx} name={`${p}.accessibilityDescription`} label={t('fields.accessibilityDescription')} value={location.accessibilityDescription} maxLength={LIMITS.longText} rows={2} />
      <TextArea ctx={ctx} name={`${p}.transportation`} label={t('fields.transportation')} value={location.transportation} maxLength={LIMITS.longText} rows={2} />
    </>
  );
}

export function PlacesSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v, options } = ctx;
  const linked = new Set(v.locations.map((l) => l.id).filter(Boolean));
  const offered = options.organizationLocations.filter((l) => l.id && !linked.has(l.id));
  const offeredStart = v.locations.length;
  const newIndex = offeredStart + offered.length;
  return (
    <Section id={`${ctx.formId}-platser`} title={t('sections.places')}>
      <CheckboxGroup ctx={ctx} name="areaMunicipalityIds" legend={t('fields.areaMunicipalityIds')} hint={t('hints.areaMunicipalityIds')} choices={options.municipalities.map((m) => ({ value: m.id, label: m.name }))} chosen={v.areaMunicipalityIds} />
      {v.locations.map((l, i) => (
        <Row
          key={`place-${l.id ?? 'new'}-${i}`}
          legend={t('rows.locations', { n: i + 1, name: l.name })}
          className="service-form__row--wide"
          id={controlId(ctx.formId, `locations.${i}.id`)}
          error={ctx.errorOf(`locations.${i}.id`)}
        >
          <LocationFields ctx={ctx} index={i} location={l} />
          <Checkbox ctx={ctx} name={`locations.${i}.remove`} label={t('removeLocation')} hint={t('hints.removeLocation')} checked={false} />
        </Row>
      ))}
      {offered.length > 0 ? (
        <details className="service-form__offered">
          <summary>{t('offeredLocations', { count: offered.length })}</summary>
          {offered.map((l, j) => {
            const i = offeredStart + j;
            const location: LocationValues = { ...l, latitude: l.latitude === null ? '' : String(l.latitude), longitude: l.longitude === null ? '' : String(l.longitude) };
            return (
              <Row key={`offered-${l.id}`} legend={l.name} className="service-form__row--wide">
                <input type="hidden" name={`locations.${i}.offered`} value="on" />
                <Checkbox ctx={ctx} name={`locations.${i}.use`} label={t('useLocation', { name: l.name })} checked={false} />
                <LocationFields ctx={ctx} index={i} location={location} />
              </Row>
            );
          })}
        </details>
      ) : null}
      <Row legend={t('rows.newLocation')} className="service-form__row--wide">
        <LocationFields
          ctx={ctx}
          index={newIndex}
          location={{ ...emptyLocationInput(), latitude: '', longitude: '' }}
        />
      </Row>
    </Section>
  );
}

export function TranslationsSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v } = ctx;
  const limits: Record<(typeof TRANSLATED_FIELDS)[number], number> = {
    name: LIMITS.name,
    summary: LIMITS.summary,
    description: LIMITS.description,
    easyReadSummary: LIMITS.longText,
    applicationProcess: LIMITS.longText,
    eligibilityDescription: LIMITS.longText,
    feesDescription: LIMITS.longText,
  };
  return (
    <Section id={`${ctx.formId}-oversattningar`} title={t('sections.translations')} intro={t('hints.translations')}>
      {TRANSLATION_LOCALES.map((locale) => (
        <fieldset key={locale} className="form-fieldset">
          <legend>{t(`locales.${locale}`)}</legend>
          {TRANSLATED_FIELDS.map((field) => {
            const name = `translations.${locale}.${field}`;
            const props = { ctx, name, label: t(`fields.${field}`), value: v.translations[locale][field], maxLength: limits[field], lang: locale };
            return field === 'name' ? <TextInput key={field} {...props} /> : <TextArea key={field} {...props} rows={field === 'description' ? 5 : 2} />;
          })}
        </fieldset>
      ))}
    </Section>
  );
}

export function KeywordsSection({ ctx }: { ctx: FormContext }) {
  const { t, values: v } = ctx;
  return (
    <Section id={`${ctx.formId}-sokord`} title={t('sections.keywords')}>
      <TextArea ctx={ctx} name="keywords" label={t('fields.keywords')} hint={t('hints.keywords')} value={v.keywords} rows={4} />
    </Section>
  );
}
