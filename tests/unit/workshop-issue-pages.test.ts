/**
 * The issue pages' parts rendered to HTML as the server sends them (no browser, no
 * JavaScript): the filing form with its live warning and its municipality choice, the lists
 * with the overdue flag, one issue with its history and the forms its reader's rights allow,
 * the coordinator's filters; and the Workshop messages in Swedish, English and Arabic.
 */
import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { IssueTimeline } from '@/components/workshop/issues/issue-detail';
import { IssueForm, type IssueFormValues } from '@/components/workshop/issues/issue-form';
import { useIssueFormLabels } from '@/components/workshop/issues/issue-form-texts';
import { IssueListsView } from '@/components/workshop/issues/issue-lists';
import { IssuePage } from '@/components/workshop/issues/issue-page';
import { DraftEditor, NewIssue } from '@/components/workshop/issues/new-issue';
import { stateVocabularyFor } from '@/components/workshop/issues/issue-state';
import { stockholmDay } from '@/components/workshop/issues/issue-work';
import { triageQueryOf, TriageQueue } from '@/components/workshop/issues/triage-queue';
import type { AppLocale } from '@/i18n/routing';
import { ISSUE_FORM_ERROR_KEYS, ISSUE_SUCCESS_KEYS, issuePath, triageInputOf } from '@/lib/workshop/issue-forms';
import type { IssueDetail, IssueRow, TimelineEntry } from '@/lib/workshop/queries';
import { ALL_STATES } from '@/lib/workshop/states';
import { WorkshopEventType } from '@/lib/generated/prisma/enums';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import sv from '@/messages/sv.json';

// next-intl's navigation needs Next's router, which does not exist outside Next: a plain link will do.
vi.mock('@/i18n/navigation', () => ({
  Link: ({ href, children, ...rest }: { href: unknown; children: unknown }) =>
    createElement('a', { ...rest, href: typeof href === 'string' ? href : JSON.stringify(href) }, children as string),
}));

const MESSAGES = { sv, en, ar };

function render(locale: AppLocale, element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'Europe/Stockholm', children: element }));
}

type Tree = { [key: string]: string | Tree };
const keyPaths = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value, `${prefix}${key}.`)));

describe('the Workshop messages', () => {
  it('have the same keys in Swedish, English and Arabic', () => {
    const swedish = keyPaths(sv.Workshop as Tree).sort();
    expect(keyPaths(en.Workshop as Tree).sort()).toEqual(swedish);
    expect(keyPaths(ar.Workshop as Tree).sort()).toEqual(swedish);
  });

  it('word every error and success an issue form can report, every state and every event', () => {
    for (const messages of [sv, en, ar]) {
      expect(Object.keys(messages.Workshop.errors).sort()).toEqual([...ISSUE_FORM_ERROR_KEYS].sort());
      expect(Object.keys(messages.Workshop.success).sort()).toEqual([...ISSUE_SUCCESS_KEYS].sort());
      expect(Object.keys(messages.Workshop.states).sort()).toEqual([...ALL_STATES].sort());
      for (const type of Object.values(WorkshopEventType)) expect(messages.Workshop.events).toHaveProperty(type);
    }
  });
});

const LABELS_FOR = (filedFor: string | null) => {
  let labels: ReturnType<typeof useIssueFormLabels> | undefined;
  function Capture() {
    labels = useIssueFormLabels({ filedFor, save: 'saveNew' });
    return null;
  }
  render('sv', createElement(Capture));
  return labels!;
};

const EMPTY: IssueFormValues = { title: '', description: '', desiredOutcome: '', categoryId: '', concerns: '', municipalityId: '', organizationId: 'o1', confirmedNoPersonalData: false };
const MESSAGES_SV = { errorSummary: 'Fel', errors: { invalid: 'Kontrollera' }, success: {} };

function filingForm(initial: IssueFormValues, organizations = [{ id: 'o1', name: 'Kvinnojouren' }], attachmentField?: { label: string; hint: string; privacy: string }) {
  return render(
    'sv',
    createElement(IssueForm, {
      id: 'nytt-arende',
      locale: 'sv',
      action: async (state) => state,
      hidden: { locale: 'sv' },
      initial,
      organizations,
      categories: [{ id: 'c1', name: 'Primärvård' }],
      municipalities: [{ id: 'm1', name: 'Karlskoga' }],
      labels: LABELS_FOR(organizations.length === 1 ? organizations[0]!.name : null),
      messages: MESSAGES_SV,
      limits: { title: 160, text: 10_000 },
      attachmentField,
    }),
  );
}

describe('IssueForm', () => {
  const html = filingForm(EMPTY);

  it('labels every field and says what the two buttons do', () => {
    for (const [id, label] of [
      ['nytt-arende-title', 'Rubrik'],
      ['nytt-arende-description', 'Beskrivning'],
      ['nytt-arende-desiredOutcome', 'Önskat resultat (valfritt)'],
      ['nytt-arende-categoryId', 'Kategori (valfritt)'],
      ['nytt-arende-municipalityId', 'Kommun'],
    ]) {
      expect(html).toContain(`<label for="${id}">${label}</label>`);
      expect(html).toMatch(new RegExp(`id="${id}"`));
    }
    expect(html).toMatch(/<fieldset class="issue-choices"><legend>Vem gäller ärendet\?<\/legend>/);
    expect(html).toContain('Ärendet innehåller inga personuppgifter om enskilda personer');
    expect(html).toMatch(/<button(?=[^>]*name="intent")(?=[^>]*value="submit")(?=[^>]*class="button")[^>]*>Skicka till samordnaren<\/button>/);
    expect(html).toMatch(/<button(?=[^>]*name="intent")(?=[^>]*value="save")[^>]*class="button button--secondary"[^>]*>Spara som utkast<\/button>/);
    expect(html).toContain('Ärendet lämnas för Kvinnojouren.');
  });

  it('has the municipality choice in the page before any script runs, not required until the issue concerns one', () => {
    expect(html).toMatch(/<div><div class="form-field"><label for="nytt-arende-municipalityId">/);
    expect(html).not.toMatch(/<div hidden="">/);
    expect(html).not.toMatch(/<select[^>]*name="municipalityId"[^>]*required/);
  });

  it('keeps an empty polite status region ready, and names what it finds by kind without repeating it', () => {
    expect(html).toMatch(/<div class="issue-warning issue-warning--empty" role="status" aria-live="polite"><\/div>/);
    const warned = filingForm({ ...EMPTY, description: 'Ring 070-123 45 67 eller skriv till anna@exempel.se om kvinnan med personnummer 19811218-9876.' });
    const region = /<div class="issue-warning" role="status" aria-live="polite">([^<]*)<\/div>/.exec(warned)?.[1];
    expect(region).toBe('Texten ser ut att innehålla ett personnummer, ett telefonnummer och en e-postadress. Ta bort uppgifter om enskilda personer innan du skickar ärendet.');
    expect(region).not.toContain('9876');
  });

  it('takes files in a labelled field when the attachments are offered', () => {
    expect(html).not.toContain('type="file"');
    const withFiles = filingForm(EMPTY, undefined, { label: 'Bilagor (valfritt)', hint: 'PDF, bilder och dokument.', privacy: 'Syns för alla som ser ärendet.' });
    expect(withFiles).toContain('<label for="nytt-arende-attachments">Bilagor (valfritt)</label>');
    expect(withFiles).toMatch(/<input id="nytt-arende-attachments"(?=[^>]*type="file")(?=[^>]*multiple)(?=[^>]*name="attachments")[^>]*>/);
  });

  it('offers a choice of association only to someone in several', () => {
    const several = filingForm(EMPTY, [
      { id: 'o1', name: 'Kvinnojouren' },
      { id: 'o2', name: 'Brottsofferjouren' },
    ]);
    expect(several).toContain('<label for="nytt-arende-organizationId">Förening</label>');
    expect(html).toContain('<input type="hidden" name="organizationId" value="o1"/>');
  });
});

describe('NewIssue and DraftEditor', () => {
  const options = { organizations: [{ id: 'o1', name: 'Kvinnojouren' }], categories: [], municipalities: [{ id: 'm1', name: 'Karlskoga' }] };

  it('tells someone who files for no association why there is no form', () => {
    const html = render('sv', createElement(NewIssue, { locale: 'sv', options: { ...options, organizations: [] } }));
    expect(html).toContain('<h1>Nytt ärende</h1>');
    expect(html).toContain('Ditt konto hör inte till någon förening som kan lämna ärenden.');
    expect(html).not.toContain('<form');
  });

  it('words the file field’s refusals with the attachments’ texts beside the issue’s own', () => {
    const attachments = { labels: { label: 'Bilagor (valfritt)', hint: 'PDF.', privacy: 'Syns.' }, errors: { attachmentType: 'Filtypen tas inte emot.', invalid: 'Bilagans text' } };
    const html = render('sv', createElement(NewIssue, { locale: 'sv', options, attachments }));
    expect(html).toContain('<label for="nytt-arende-attachments">Bilagor (valfritt)</label>');
    expect(html).toContain('Ärendet lämnas för Kvinnojouren.');
  });

  it('opens a draft with what it says, its version and the municipality it concerns', () => {
    const draft = { ...ISSUE, state: 'DRAFT' as const, concerns: 'MUNICIPALITY' as const, municipality: 'Karlskoga', desiredOutcome: 'Bättre rutiner.' };
    const html = render('sv', createElement(DraftEditor, { locale: 'sv', options, issue: draft }));
    expect(html).toContain('<h1>Ändra utkastet till ärende 12</h1>');
    expect(html).toContain('<input type="hidden" name="version" value="3"/>');
    expect(html).toMatch(/<option value="m1" selected="">Karlskoga<\/option>/);
    expect(html).toMatch(/<input id="utkast-form-concerns-1"(?=[^>]*checked="")[^>]*value="MUNICIPALITY"/);
    expect(html).toContain('>Spara utkastet</button>');
  });
});

const ROW: IssueRow = {
  number: 7,
  title: 'Föreningar når inte socialjouren',
  state: 'ASSIGNED',
  publicState: 'inProgress',
  visibility: 'NETWORK',
  overdue: true,
  dueAt: new Date('2026-02-27T22:59:00Z'),
  updatedAt: new Date('2026-02-20T09:00:00Z'),
  submittedAt: new Date('2026-02-01T09:00:00Z'),
  category: 'Socialtjänst',
  filedBy: 'Brottsofferjouren',
  responders: ['Karlskoga kommun'],
};

describe('IssueListsView', () => {
  it('flags an overdue issue in words with an icon, and says what to do in an empty list', () => {
    const html = render('sv', createElement(IssueListsView, { lists: { own: [], queue: [ROW], network: [] }, isFiler: true, isOfficial: true, networkVocabulary: 'public' }));
    expect(html).toMatch(/<span class="issue-overdue"><svg[^>]*aria-hidden="true"[^>]*>.*<\/svg>Försenat<\/span>/);
    expect(html).toContain('1 ärende är försenat och står först.');
    expect(html).toMatch(/<caption id="min-ko-tabell">Ärenden som väntar på dig eller din organisation, försenade först<\/caption>/);
    expect(html).toMatch(/<th scope="row"><a href="\/verkstad\/7">Föreningar når inte socialjouren<\/a><\/th>/);
    expect(html).toContain('<time dateTime="2026-02-27T22:59:00.000Z">27 feb. 2026</time>');
    expect(html).toContain('Er förening har inga ärenden än. Välj Nytt ärende');
    expect(html).toContain('<a href="#min-ko">Min kö (1)</a>');
  });

  it('uses the public words for the network, and hides the queue from those who have none', () => {
    const html = render('sv', createElement(IssueListsView, { lists: { own: [], queue: [], network: [ROW] }, isFiler: false, isOfficial: false, networkVocabulary: 'public' }));
    expect(html).toContain('>Under arbete</span>');
    expect(html).not.toContain('Min kö');
    expect(html).not.toContain('Våra ärenden');
  });

  it('gives the workshop’s own words to officials and the coordinator, the public ones to other members', () => {
    expect(stateVocabularyFor({ kind: 'user', userId: 'u', memberships: [{ organizationId: 'r', role: 'OFFICIAL' }] }, false)).toBe('internal');
    expect(stateVocabularyFor({ kind: 'user', userId: 'u', memberships: [{ organizationId: 'a', role: 'MEMBER' }] }, false)).toBe('public');
    expect(stateVocabularyFor({ kind: 'user', userId: 'u', memberships: [{ organizationId: 'a', role: 'MEMBER' }] }, true)).toBe('internal');
  });
});

const at = (iso: string) => new Date(iso);
const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'id' | 'kind'>): TimelineEntry => ({
  at: at('2026-02-02T10:00:00Z'),
  text: null,
  who: 'Sara Samordnare',
  organization: 'Möckelnföreningarna',
  subject: null,
  ...e,
});

const TIMELINE: TimelineEntry[] = [
  entry({ id: 'e1', kind: 'event', type: 'SUBMITTED', fromState: 'DRAFT', toState: 'SUBMITTED', who: 'Anna Admin', organization: 'Kvinnojouren' }),
  entry({ id: 'e2', kind: 'event', type: 'ASSIGNED', fromState: 'SUBMITTED', toState: 'ASSIGNED', subject: 'Region Örebro län' }),
  entry({ id: 'e3', kind: 'event', type: 'ASSIGNED', fromState: null, toState: null, subject: 'Karlskoga kommun' }),
  entry({ id: 'e4', kind: 'event', type: 'STATE_CHANGED', fromState: 'ANSWERED', toState: 'RESOLVED', text: 'Rutinen finns nu.' }),
  entry({ id: 'n1', kind: 'internalNote', text: 'Stäm av med verksamhetschefen.', who: 'Tina Tjänsteperson', organization: 'Region Örebro län' }),
  entry({ id: 'c1', kind: 'comment', text: 'Tack!', who: 'Anna Admin', organization: 'Kvinnojouren' }),
];

describe('IssueTimeline', () => {
  const html = render('sv', createElement(IssueTimeline, { entries: TIMELINE, showsInternalNotes: true }));

  it('tells each event as a sentence, with the change of state and who did it', () => {
    expect(html).toContain('Föreningen skickade ärendet till samordnaren.');
    expect(html).toContain('Samordnaren tilldelade ärendet till Region Örebro län.');
    expect(html).toContain('Från Inskickat till Tilldelat.');
    expect(html).toContain('Ärendet tilldelades Karlskoga kommun.');
    expect(html).toContain('Statusen ändrades från Besvarat till Löst.');
    expect(html).toContain('Anna Admin, Kvinnojouren');
    expect(html).toContain('<time dateTime="2026-02-02T10:00:00.000Z">');
  });

  it('sets internal notes apart with a label and the public-access notice', () => {
    expect(html).toMatch(/<li class="issue-timeline__entry issue-timeline__entry--internalNote"><p class="issue-timeline__label">Intern anteckning, syns inte för föreningen<\/p>/);
    expect(html).toContain('Interna anteckningar syns inte för föreningen, men kan omfattas av offentlighetsprincipen.');
    const forFiler = render('sv', createElement(IssueTimeline, { entries: TIMELINE.filter((e) => e.kind !== 'internalNote'), showsInternalNotes: false }));
    expect(forFiler).not.toContain('offentlighetsprincipen');
  });

  it('reads in English and Arabic too', () => {
    expect(render('en', createElement(IssueTimeline, { entries: TIMELINE, showsInternalNotes: true }))).toContain('The coordinator assigned the issue to Region Örebro län.');
    expect(render('ar', createElement(IssueTimeline, { entries: TIMELINE, showsInternalNotes: true }))).toContain('أسند المنسق القضية إلى Region Örebro län.');
  });
});

const NONE = {
  editDraft: false,
  provideInfo: false,
  withdraw: false,
  confirm: false,
  dispute: false,
  comment: false,
  triage: false,
  requestInfo: false,
  markDuplicate: false,
  refer: false,
  setOutcome: false,
  reopen: false,
  answer: false,
  internalNotes: false,
  reassign: false,
  attach: false,
};

const ISSUE: IssueDetail = {
  id: 'i1',
  number: 12,
  version: 3,
  title: 'Tolk saknas vid hembesök',
  description: 'Rad ett.\nRad två.',
  desiredOutcome: '',
  state: 'SUBMITTED',
  publicState: 'received',
  visibility: 'RESTRICTED',
  concerns: 'BOTH',
  municipality: 'Karlskoga',
  category: null,
  filedBy: { id: 'o1', name: 'Kvinnojouren', slug: 'kvinnojouren' },
  dueAt: null,
  overdue: false,
  submittedAt: at('2026-02-01T09:00:00Z'),
  createdAt: at('2026-02-01T08:00:00Z'),
  confirmedNoPersonalData: true,
  duplicateOf: null,
  referredTo: null,
  resolutionFeedback: null,
  resolutionFeedbackNote: null,
  responders: [],
  assignees: [],
  answers: [],
  actions: [],
  attachments: [],
  timeline: TIMELINE.slice(0, 1),
  can: NONE,
};

const TRIAGE = {
  categories: [{ id: 'c1', name: 'Primärvård' }],
  responders: [
    { id: 'r1', name: 'Region Örebro län', officials: [{ id: 'u1', name: 'Tina Tjänsteperson' }] },
    { id: 'k1', name: 'Karlskoga kommun', officials: [] },
  ],
  defaultDueDate: at('2026-03-09T12:00:00Z'),
};

const page = (issue: IssueDetail, extra: Partial<Parameters<typeof IssuePage>[0]> = {}) =>
  render('sv', createElement(IssuePage, { locale: 'sv', success: null, issue, vocabulary: 'internal', triage: null, answerFor: [], reassign: [], ...extra }));

describe('IssuePage', () => {
  it('shows a reader who may do nothing the issue without a single form, headings in order', () => {
    const html = page(ISSUE, { vocabulary: 'public' });
    expect(html).toContain('<h1>Ärende 12: Tolk saknas vid hembesök</h1>');
    expect(html).toContain('<span class="issue-state issue-state--received">Mottaget</span>');
    expect(html).toMatch(/<dt>Gäller<\/dt><dd>Regionen och en kommun<\/dd><dt>Kommun<\/dt><dd>Karlskoga<\/dd>/);
    expect(html).not.toContain('<form');
    const levels = [...html.matchAll(/<h(\d)[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('gives the coordinator the triage form: grouped checkboxes, the default due date, visibility with explanations', () => {
    const html = page({ ...ISSUE, can: { ...NONE, triage: true, requestInfo: true, markDuplicate: true, refer: true, comment: true } }, { triage: TRIAGE });
    expect(html).toContain('<h3 id="triage">Gå igenom och tilldela</h3>');
    expect(html).toMatch(/<legend>Svarande organisationer<\/legend>/);
    expect(html).toMatch(/<fieldset class="issue-choices issue-choices--nested"><legend>Region Örebro län<\/legend>.*Tina Tjänsteperson/);
    expect(html).toContain('<input type="hidden" name="version" value="3"/>');
    expect(html).toContain('<input type="hidden" name="dueDateInitial" value="2026-03-09"/>');
    expect(html).toMatch(/<input id="triage-form-dueDate"[^>]*type="date"[^>]*value="2026-03-09"/);
    expect(html).toContain('Alla inloggade i nätverket kan läsa och kommentera ärendet.');
    expect(html).toMatch(/<input id="triage-form-visibility"(?=[^>]*checked="")(?=[^>]*value="RESTRICTED")[^>]*>/);
    for (const button of ['Tilldela ärendet', 'Be föreningen om mer information', 'Markera som dubblett', 'Hänvisa ärendet', 'Skicka kommentaren']) expect(html).toContain(`>${button}</button>`);
    expect(html).not.toContain('Ta tillbaka ärendet</button>');
  });

  it('gives the association its moves, withdrawal behind a confirmation', () => {
    const question = entry({ id: 'q1', kind: 'event', type: 'INFO_REQUESTED', fromState: 'SUBMITTED', toState: 'NEEDS_INFO', text: 'Hur ofta händer det?' });
    const html = page({ ...ISSUE, state: 'NEEDS_INFO', timeline: [...ISSUE.timeline, question], can: { ...NONE, provideInfo: true, withdraw: true, comment: true } });
    expect(html).toContain('<blockquote class="issue-question"><p class="issue-text">Hur ofta händer det?</p></blockquote>');
    expect(html).toContain('>Skicka kompletteringen</button>');
    expect(html).toMatch(/<input id="ta-tillbaka-form-confirm" type="checkbox" name="confirm"\/><span>Ja, vi vill ta tillbaka ärendet<\/span>/);
    expect(html).toContain('class="button button--danger"');
    expect(html).not.toContain('Tilldela ärendet');
  });

  it('gives an official the answer prefilled with their organisation’s answer, and the internal note with its notice', () => {
    const answeredIssue: IssueDetail = {
      ...ISSUE,
      state: 'ANSWERED',
      responders: [{ id: 'r1', name: 'Region Örebro län' }],
      answers: [{ organizationId: 'r1', organization: 'Region Örebro län', body: 'Vi bokar tolk.', author: 'Tina Tjänsteperson', at: at('2026-02-10T10:00:00Z') }],
      can: { ...NONE, answer: true, internalNotes: true, reassign: true, comment: true },
    };
    const html = page(answeredIssue, { answerFor: [{ id: 'r1', name: 'Region Örebro län', existing: 'Vi bokar tolk.' }], reassign: TRIAGE.responders.slice(0, 1) });
    expect(html).toContain('<h3 id="svar-r1">Svar från Region Örebro län</h3>');
    expect(html).toMatch(/<textarea[^>]*name="body"[^>]*>Vi bokar tolk.<\/textarea>/);
    expect(html).toContain('>Spara det ändrade svaret</button>');
    expect(html).toContain('<label for="intern-anteckning-form-body">Anteckning</label>');
    expect(html).toContain('Interna anteckningar syns inte för föreningen, men kan omfattas av offentlighetsprincipen.');
    expect(html).toContain('<legend>Tjänstepersoner som har ärendet</legend>');
  });

  it('offers the coordinator only the outcomes the state allows', () => {
    const html = page({ ...ISSUE, state: 'ACTION_AGREED', can: { ...NONE, setOutcome: true } });
    expect(html).toContain('<span>Löst</span>');
    expect(html).toContain('<span>Avslutat olöst</span>');
    expect(html).not.toContain('<span>Åtgärd överenskommen</span>');
  });

  it('says what was done after a form worked, and names the original of a duplicate', () => {
    const html = page({ ...ISSUE, state: 'DUPLICATE', duplicateOf: { number: 3, title: 'Samma fråga' } }, { success: 'markedDuplicate' });
    expect(html).toContain('<p class="form-success" role="status">Ärendet är markerat som dubblett och stängt.</p>');
    expect(html).toContain('<a href="/verkstad/3">Ärende 3: Samma fråga</a>');
  });
});

describe('TriageQueue', () => {
  it('marks the chosen filter and shows every count', () => {
    const html = render(
      'sv',
      createElement(TriageQueue, { filter: 'overdue', page: 1, rows: [ROW], total: 1, counts: { new: 2, open: 5, overdue: 1, closed: 3, all: 8 } }),
    );
    expect(html).toMatch(/<a(?=[^>]*aria-current="page")(?=[^>]*href="[^"]*forsenade[^"]*")[^>]*>Försenade \(1\)<\/a>/);
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html).toContain('>Nya (2)</a>');
    expect(html).toContain('<caption id="arenden-tabell">Försenade: 1 ärende</caption>');
  });

  it('reads a hand-edited address forgivingly', () => {
    expect(triageQueryOf({ visa: 'stangda', sida: '2' })).toEqual({ filter: 'closed', page: 2 });
    expect(triageQueryOf({ visa: 'allt', sida: '-3' })).toEqual({ filter: 'new', page: 1 });
    expect(triageQueryOf({ visa: ['alla'], sida: 'x' })).toEqual({ filter: 'new', page: 1 });
  });
});

describe('the forms as the actions read them', () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
    return data;
  };

  it('sends an unchanged due date as none, so the stored one is kept', () => {
    expect(triageInputOf(form({ dueDate: '2026-03-09', dueDateInitial: '2026-03-09', responderOrganizationIds: ['r1', 'k1'] }))).toMatchObject({
      dueDate: '',
      responderOrganizationIds: ['r1', 'k1'],
      assigneeUserIds: [],
    });
    expect(triageInputOf(form({ dueDate: '2026-03-10', dueDateInitial: '2026-03-09' })).dueDate).toBe('2026-03-10');
  });

  it('returns to an issue by its digits only', () => {
    expect(issuePath(form({ number: '12' }))).toBe('/verkstad/12');
    expect(issuePath(form({ number: '//evil.example' }))).toBe('/verkstad');
    expect(issuePath(form({}))).toBe('/verkstad');
  });

  it('writes a due date as the Stockholm calendar day', () => {
    expect(stockholmDay(at('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(stockholmDay(at('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
