/**
 * The service form without a browser: `serviceInputFromForm` reads every field the form
 * sends (spare rows dropped, rows renumbered, removed rows gone), and the form rendered to
 * HTML as the server sends it carries every value back unchanged, with errors at their fields.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ServiceForm } from '@/components/directory/service-form/service-form';
import type { MessageTree } from '@/components/directory/service-form/translate';
import type { ServiceFormOptions } from '@/lib/directory/service-editor';
import type { ServiceFormState } from '@/lib/directory/service-form-state';
import { emptyServiceInput, formValuesOf, parseServiceInput, serviceInputFromForm, type ServiceInput } from '@/lib/directory/service-input';
import sv from '@/messages/sv.json';

const ORG = 'corg00000000000000000001';
const CAT_A = 'ccat0000000000000000000a';
const CAT_B = 'ccat0000000000000000000b';
const GROUP = 'cgrp00000000000000000001';
const ATTR_FREE = 'cattr0000000000000000001';
const ATTR_ANON = 'cattr0000000000000000002';
const KARLSKOGA = 'cmun00000000000000000001';
const PLACE = 'cloc00000000000000000001';
const OTHER_PLACE = 'cloc00000000000000000002';

const options: ServiceFormOptions = {
  organizations: [{ id: ORG, name: 'Kvinnojouren Linnéan' }],
  categories: [
    { id: CAT_A, name: 'Våld i nära relation', isActive: true },
    { id: CAT_B, name: 'Psykisk hälsa', isActive: true },
  ],
  targetGroups: [{ id: GROUP, name: 'Kvinnor' }],
  attributes: [
    { id: ATTR_FREE, name: 'Kostnadsfritt', description: '' },
    { id: ATTR_ANON, name: 'Anonymt', description: 'Du behöver inte säga vem du är.' },
  ],
  municipalities: [{ id: KARLSKOGA, name: 'Karlskoga' }],
  organizationLocations: [],
};

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

function fullInput(): ServiceInput {
  return {
    ...emptyServiceInput(ORG),
    name: 'Stödsamtal',
    alternateName: 'Samtalsstöd',
    summary: 'Samtal för dig som utsätts för våld.',
    description: 'Vi lyssnar & ger råd: "du är inte ensam".',
    easyReadSummary: 'Du kan prata med oss.',
    applicationProcess: 'Ring oss.',
    eligibilityDescription: 'Kvinnor från 16 år.',
    minimumAge: 16,
    maximumAge: null,
    isFree: false,
    feesDescription: '50 kr per gång.',
    email: 'stod@linnean.example',
    url: 'https://linnean.example/stod',
    status: 'INACTIVE',
    keywords: ['kvinnojour', 'skyddat boende'],
    primaryCategoryId: CAT_A,
    categoryIds: [CAT_A, CAT_B],
    targetGroupIds: [GROUP],
    attributes: [
      { attributeId: ATTR_FREE, note: 'Första samtalet' },
      { attributeId: ATTR_ANON, note: '' },
    ],
    languages: [
      { code: 'ar', note: 'Tisdagar' },
      { code: 'sv', note: '' },
      { code: 'tir', note: 'Med tolk' },
    ],
    areaMunicipalityIds: [KARLSKOGA],
    locations: [
      {
        id: PLACE,
        name: 'Kontoret',
        description: 'Entré från gården',
        addressLine1: 'Storgatan 1',
        addressLine2: '',
        postalCode: '691 31',
        city: 'Karlskoga',
        municipalityId: KARLSKOGA,
        latitude: 59.3269,
        longitude: 14.5238,
        isProtected: false,
        accessibilityDescription: 'Hiss',
        transportation: 'Buss 1',
        serviceDescription: 'Besök',
      },
    ],
    schedules: [
      { weekday: 1, opens: '09:00', closes: '12:00', description: '', validFrom: '', validTo: '', locationIndex: null },
      { weekday: 5, opens: '22:00', closes: '02:00', description: 'Nattjour', validFrom: '2026-06-01', validTo: '2026-08-31', locationIndex: 0 },
    ],
    exceptions: [
      { date: '2026-12-24', isClosed: true, opens: '', closes: '', reason: 'Julafton' },
      { date: '2026-12-31', isClosed: false, opens: '10:00', closes: '14:00', reason: '' },
    ],
    phones: [{ number: '0586-100 00', kind: 'VOICE', description: 'Jour' }],
    contacts: [{ name: 'Anna', title: 'Samordnare', department: '', email: 'anna@linnean.example', phones: [{ number: '070-123 45 67', kind: 'SMS', description: '' }] }],
    costOptions: [{ option: 'Grupp', amount: 50.5, currency: 'SEK', amountDescription: 'per träff', validFrom: '', validTo: '' }],
    translations: {
      en: { name: 'Support talks', summary: 'Talks.', description: '', easyReadSummary: '', applicationProcess: '', eligibilityDescription: '', feesDescription: '' },
      ar: { name: 'محادثات الدعم', summary: '', description: '', easyReadSummary: '', applicationProcess: '', eligibilityDescription: '', feesDescription: '' },
    },
  };
}

const decode = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decode(match[1] ?? '') : null;
};

/** What a browser would submit for the rendered form (no DOM here: the markup is regular enough). */
function submitted(html: string): FormData {
  const data = new FormData();
  for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (!name) continue;
    const type = attr(tag, 'type') ?? 'text';
    if ((type === 'checkbox' || type === 'radio') && !/\schecked=""/.test(tag)) continue;
    data.append(name, attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : ''));
  }
  for (const [, open, body] of html.matchAll(/(<textarea\b[^>]*>)([\s\S]*?)<\/textarea>/g)) {
    const name = attr(open ?? '', 'name');
    if (name) data.append(name, decode((body ?? '').replace(/^\n/, '')));
  }
  for (const [, open, body] of html.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const name = attr(open ?? '', 'name');
    if (!name) continue;
    const options = [...(body ?? '').matchAll(/<option\b[^>]*>/g)].map(([o]) => o);
    const chosen = options.find((o) => /\sselected=""/.test(o)) ?? options[0];
    data.append(name, chosen ? (attr(chosen, 'value') ?? '') : '');
  }
  return data;
}

function render(initial: ServiceInput, fieldErrors?: ServiceFormState['fieldErrors'], organizationLocations: ServiceFormOptions['organizationLocations'] = []) {
  return renderToStaticMarkup(
    createElement(ServiceForm, {
      mode: 'coordinator',
      initial: formValuesOf(initial),
      fieldErrors,
      options: { ...options, organizationLocations },
      action: async (state: ServiceFormState) => state,
      hidden: { locale: 'sv' },
      submitLabel: 'Spara',
      messages: sv.ServiceForm as unknown as MessageTree,
      locale: 'sv',
      weekdayNames: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
    }),
  );
}

describe('serviceInputFromForm', () => {
  it('reads the fields and drops rows left blank, renumbering the rest', () => {
    const values = serviceInputFromForm(
      form({
        organizationId: ORG,
        name: 'Stödsamtal',
        isFree: 'on',
        minimumAge: '16',
        primaryCategoryId: CAT_A,
        categoryIds: [CAT_B],
        attributeIds: [ATTR_ANON],
        [`attributeNote.${ATTR_ANON}`]: 'Inget namn behövs',
        [`attributeNote.${ATTR_FREE}`]: 'ignoreras utan kryss',
        languageCodes: ['sv'],
        'otherLanguages.0.code': '',
        'otherLanguages.0.note': '',
        'otherLanguages.1.code': 'SO',
        'otherLanguages.1.note': '',
        'schedules.0.weekday': '1',
        'schedules.0.opens': '',
        'schedules.0.closes': '',
        'schedules.1.weekday': '2',
        'schedules.1.opens': '9.00',
        'schedules.1.closes': '12:00',
        'phones.0.number': '',
        'phones.0.kind': 'VOICE',
        'phones.3.number': '0586-1',
        'phones.3.kind': 'SMS',
        'exceptions.0.date': '2026-12-24',
        'exceptions.0.mode': 'closed',
        'exceptions.1.date': '2026-12-31',
        'exceptions.1.opens': '10:00',
        'exceptions.1.closes': '14:00',
      }),
    );
    expect(values).toMatchObject({ name: 'Stödsamtal', isFree: true, minimumAge: '16', maximumAge: '', categoryIds: [CAT_B], keywords: '' });
    expect(values.attributes).toEqual([{ attributeId: ATTR_ANON, note: 'Inget namn behövs' }]);
    expect(values.languages).toEqual([
      { code: 'so', note: '' },
      { code: 'sv', note: '' },
    ]);
    expect(values.schedules).toEqual([{ weekday: '2', opens: '9.00', closes: '12:00', description: '', validFrom: '', validTo: '', locationIndex: '' }]);
    expect(values.phones).toEqual([{ number: '0586-1', kind: 'SMS', description: '' }]);
    expect(values.exceptions.map((e) => e.isClosed)).toEqual([true, false]);
    // The schema reads the form's text: numbers, clocks, the primary category among the categories.
    const input = parseServiceInput({ ...values, summary: 'Kort.', description: 'Lång.' });
    expect(input.minimumAge).toBe(16);
    expect(input.schedules[0]?.opens).toBe('09:00');
    expect(input.categoryIds).toEqual([CAT_A, CAT_B].sort());
  });

  it('drops removed rows and offered places not chosen, and keeps hours tied to the place they named', () => {
    const values = serviceInputFromForm(
      form({
        'locations.0.id': PLACE,
        'locations.0.name': 'Kontoret',
        'locations.0.remove': 'on',
        'locations.1.id': OTHER_PLACE,
        'locations.1.name': 'Mötesplatsen',
        'locations.2.id': 'cloc00000000000000000003',
        'locations.2.name': 'Erbjuden men inte vald',
        'locations.2.offered': 'on',
        'locations.3.name': '',
        'locations.3.municipalityId': '',
        'schedules.0.weekday': '3',
        'schedules.0.opens': '10:00',
        'schedules.0.closes': '11:00',
        'schedules.0.locationIndex': '1',
        'schedules.1.weekday': '4',
        'schedules.1.opens': '10:00',
        'schedules.1.closes': '11:00',
        'schedules.1.locationIndex': '0',
        'schedules.2.weekday': '5',
        'schedules.2.opens': '10:00',
        'schedules.2.closes': '11:00',
        'schedules.2.remove': 'on',
        'contacts.0.name': 'Anna',
        'contacts.0.phones.0.number': '070-1',
        'contacts.0.phones.0.kind': 'VOICE',
        'contacts.0.phones.1.number': '',
        'contacts.1.name': '',
        'costOptions.0.option': 'Grupp',
        'costOptions.0.remove': 'on',
      }),
    );
    expect(values.locations.map((l) => l.id)).toEqual([OTHER_PLACE]);
    // Form row 1 is now place 0; hours of the removed place are the whole service's.
    expect(values.schedules.map((s) => s.locationIndex)).toEqual(['0', '']);
    expect(values.contacts).toEqual([{ name: 'Anna', title: '', department: '', email: '', phones: [{ number: '070-1', kind: 'VOICE', description: '' }] }]);
    expect(values.costOptions).toEqual([]);
  });
});

describe('ServiceForm', () => {
  it('sends back every value it was given, unchanged, when submitted as rendered', () => {
    const input = fullInput();
    const html = render(input);
    expect(parseServiceInput(serviceInputFromForm(submitted(html)))).toEqual(input);
  });

  it('offers the organisation’s other places, used only when ticked', () => {
    const other = { ...fullInput().locations[0]!, id: OTHER_PLACE, name: 'Mötesplatsen', latitude: null, longitude: null };
    const html = render(fullInput(), undefined, [fullInput().locations[0]!, other]);
    expect(html).toContain('Använd Mötesplatsen för tjänsten');
    expect(serviceInputFromForm(submitted(html)).locations.map((l) => l.id)).toEqual([PLACE]);
  });

  it('lists each error at the top with a link to its field, and ties it to the field', () => {
    const html = render(fullInput(), { url: 'invalidUrl', 'schedules.1.opens': 'overlap', 'translations.en.summary': 'tooLong' });
    expect(html).toContain('Rätta följande innan du sparar:');
    expect(html).toContain('<a href="#tjanst-schedules-1-opens">Tid 2: Öppnar: Tiden överlappar en annan tid samma dag.</a>');
    expect(html).toContain('<a href="#tjanst-translations-en-summary">Engelska: Kort sammanfattning: Texten är för lång.</a>');
    expect(html).toContain('<p id="tjanst-url-error" class="field-error">Skriv en fullständig webbadress som börjar med https://.</p>');
    expect(html).toMatch(/<input id="tjanst-url" [^>]*aria-describedby="tjanst-url-hint tjanst-url-error" aria-invalid="true"/);
  });

  it('shows a place of another organisation as an error of its row', () => {
    const html = render(fullInput(), { 'locations.0.id': 'notInOrganization' });
    expect(html).toContain('<a href="#tjanst-locations-0-id">Plats 1 Kontoret: Plats: Platsen hör till en annan organisation.</a>');
    expect(html).toContain('id="tjanst-locations-0-id" tabindex="-1" aria-describedby="tjanst-locations-0-id-error"');
  });

  it('labels every control it renders', () => {
    const html = render(fullInput());
    const ids = [...html.matchAll(/<(?:input|select|textarea)\b[^>]*\sid="([^"]+)"/g)].map(([, id]) => id);
    const labelled = new Set([...html.matchAll(/<label\b[^>]*\sfor="([^"]+)"/g)].map(([, id]) => id));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => !labelled.has(id))).toEqual([]);
    expect(html).not.toMatch(/<input(?![^>]*\sid=)(?![^>]*type="hidden")[^>]*>/);
  });

  it('leaves the organisation and status out of sight in proposal mode, keeping their values', () => {
    const html = renderToStaticMarkup(
      createElement(ServiceForm, {
        mode: 'proposal',
        initial: formValuesOf(fullInput()),
        options,
        action: async (state: ServiceFormState) => state,
        hidden: {},
        submitLabel: 'Skicka förslaget',
        messages: sv.ServiceForm as unknown as MessageTree,
        locale: 'sv',
        weekdayNames: ['må', 'ti', 'on', 'to', 'fr', 'lö', 'sö'],
      }),
    );
    expect(html).not.toContain('<select id="tjanst-organizationId"');
    expect(html).not.toContain('<select id="tjanst-status"');
    expect(html).toContain(`<input type="hidden" name="organizationId" value="${ORG}"/>`);
    expect(serviceInputFromForm(submitted(html)).status).toBe('INACTIVE');
  });
});
