/**
 * The benchmark's national-scale directory (docs/decisions/0021-benchmark-dataset.md): a pure,
 * deterministic generator. Every entity is a function of (seed, its index) through its own
 * small PRNG stream, so services and posts can be generated batch by batch without holding
 * 50,000 of them in memory, and the same seed gives byte-identical data in any order.
 *
 * Rows carry their own ids (`bench-...`), ISO date strings and the demo data's natural keys
 * for the taxonomy (category, target group, attribute, topic and workshop category slugs);
 * the loader (./mutations.ts) resolves those and writes the rows.
 */
import type { IssueVisibility, OrganizationKind, PostStatus } from '@/lib/authz/policy';
import type { PublicBody } from '@/lib/workshop/public';
import type { PostDocument } from '@/lib/news/document';
import { TRANSITIONS, type IssueState, type TransitionName, type WorkshopEventType } from '@/lib/workshop/states';
import { MUNICIPALITIES, REGIONS } from './municipalities';
import {
  ANSWER_TEXTS, APPLICATION_PROCESSES, ASSOCIATION_FAMILIES, AUTHORITIES, CARE_PLACES, CATEGORY_TEXT, DESIRED_OUTCOMES, EASY_READ,
  GENERIC_SENTENCES, HELP_WORDS, ISSUE_SENTENCES, ISSUE_TITLES, LANGUAGE_POOL, MUNICIPAL_KINDS, NEWS_LIST_ITEMS, NEWS_PARAGRAPHS,
  NEWS_TITLES, PLACE_NAMES, SEASONS, SERVICE_KINDS, STREETS, SUBJECTS, type ServiceKind,
} from './phrases';

/** QUALITY.md's national-scale directory at scale 1. */
export const FULL_SCALE = { municipalities: 290, organizations: 8_000, services: 50_000, posts: 20_000, issues: 5_000 } as const;
export type DatasetCounts = { -readonly [K in keyof typeof FULL_SCALE]: number };

/** Every generated id starts with this: the loader finds (and clears) bench rows by it. */
export const BENCH_ID_PREFIX = 'bench-';

export interface DatasetOptions {
  seed: number;
  /** 1 is the national scale; 0.01 a hundredth of it. Municipalities are always all 290. */
  scale: number;
  /** Dates are placed relative to this instant (confirmation ages, due dates, publishing). */
  now: Date;
}

export function datasetCounts(scale: number): DatasetCounts {
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const of = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    municipalities: FULL_SCALE.municipalities,
    organizations: Math.max(3, of(FULL_SCALE.organizations)),
    services: of(FULL_SCALE.services),
    posts: of(FULL_SCALE.posts),
    issues: of(FULL_SCALE.issues),
  };
}

// ───────────────────────────── deterministic randomness ─────────────────────────────

/** mulberry32: small, fast, and good enough for test data. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the stream name, mixed with the seed and index: one independent stream per entity. */
function streamSeed(seed: number, stream: string, index: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of `${stream}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number, stream: string, index = 0) {
    this.next = mulberry32(streamSeed(seed, stream, index));
  }
  float(): number {
    return this.next();
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }
  /** `count` distinct items, in list order. */
  some<T>(list: readonly T[], count: number): T[] {
    const indexes = new Set<number>();
    while (indexes.size < Math.min(count, list.length)) indexes.add(this.int(list.length));
    return [...indexes].sort((a, b) => a - b).map((i) => list[i]!);
  }
  weighted<T>(list: readonly T[], weight: (item: T) => number): T {
    const total = list.reduce((n, item) => n + weight(item), 0);
    let r = this.next() * total;
    for (const item of list) {
      r -= weight(item);
      if (r < 0) return item;
    }
    return list[list.length - 1]!;
  }
}

// ───────────────────────────── shapes ─────────────────────────────

export interface GenMunicipality {
  id: string;
  code: string;
  name: string;
  slug: string;
  regionName: string;
}

export interface GenOrganization {
  id: string;
  kind: OrganizationKind;
  name: string;
  slug: string;
  description: string;
  email: string;
  phone: string;
  website: string;
  orgNumber: string;
  municipalityId: string;
  /** Index into ASSOCIATION_FAMILIES, or -1 for public bodies. */
  family: number;
  lastConfirmedAt: string;
}

export interface GenUser {
  id: string;
  email: string;
  name: string;
  organizationId: string;
  role: 'ASSOCIATION_ADMIN' | 'OFFICIAL';
}

export interface GenLocation {
  id: string;
  organizationId: string;
  name: string;
  addressLine1: string | null;
  postalCode: string | null;
  city: string | null;
  municipalityId: string;
  latitude: number | null;
  longitude: number | null;
  isProtected: boolean;
  accessibilityDescription: string | null;
  transportation: string | null;
}

export interface GenSchedule {
  id: string;
  weekday: number;
  opensMinute: number;
  /** Past 1440 the period runs into the next day. */
  closesMinute: number;
  validFrom: string | null;
  validTo: string | null;
  description: string | null;
}

export interface GenService {
  id: string;
  organizationId: string;
  slug: string;
  name: string;
  alternateName: string | null;
  summary: string;
  description: string;
  easyReadSummary: string | null;
  applicationProcess: string;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  isFree: boolean;
  feesDescription: string | null;
  email: string | null;
  url: string | null;
  status: 'ACTIVE' | 'INACTIVE' | 'DEFUNCT';
  keywords: string[];
  lastConfirmedAt: string | null;
  createdAt: string;
  /** Category slugs, primary first. */
  categories: string[];
  targetGroups: string[];
  /** Attribute keys. */
  attributes: string[];
  languages: string[];
  /** Municipality ids the service covers (empty: where it sits). */
  areas: string[];
  locationId: string | null;
  schedules: GenSchedule[];
  exceptions: { id: string; date: string; isClosed: boolean; opensMinute: number | null; closesMinute: number | null; reason: string }[];
  phones: { id: string; number: string; kind: 'VOICE' | 'SMS'; description: string | null }[];
  costOptions: { id: string; option: string; amount: number; amountDescription: string }[];
  translations: { id: string; locale: 'en' | 'ar'; name: string; summary: string; description: string | null }[];
}

export interface GenPost {
  id: string;
  organizationId: string;
  authorId: string;
  slug: string;
  title: string;
  summary: string;
  body: PostDocument;
  status: PostStatus;
  publishAt: string | null;
  publishedAt: string | null;
  unpublishedAt: string | null;
  moderationReason: string | null;
  createdAt: string;
  topics: string[];
  event: { startsAt: string; endsAt: string; place: string } | null;
}

/** Who acted: a generated user, or the demo network's coordinator (resolved by the loader). */
export type GenActor = { userId: string } | 'coordinator';

export interface GenIssueEvent {
  id: string;
  type: WorkshopEventType;
  fromState: IssueState | null;
  toState: IssueState;
  actor: GenActor;
  createdAt: string;
}

export interface GenIssue {
  id: string;
  title: string;
  description: string;
  desiredOutcome: string;
  /** Workshop category slug. */
  category: string;
  concerns: PublicBody;
  municipalityId: string | null;
  state: IssueState;
  visibility: IssueVisibility;
  filedByOrganizationId: string;
  createdById: string;
  confirmedNoPersonalData: boolean;
  dueAt: string | null;
  duplicateOfId: string | null;
  referredTo: string | null;
  resolutionFeedback: 'CONFIRMED' | null;
  submittedAt: string | null;
  triagedAt: string | null;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  createdAt: string;
  events: GenIssueEvent[];
  responders: string[];
  assignees: { userId: string }[];
  answers: { id: string; organizationId: string; authorId: string; body: string; createdAt: string }[];
  comments: { id: string; authorId: string; body: string; createdAt: string }[];
}

// ───────────────────────────── helpers ─────────────────────────────

const DAY = 24 * 60 * 60 * 1000;
const pad = (n: number, width = 6) => String(n).padStart(width, '0');

export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Swedish genitive: "Lund" -> "Lunds", "Mora" -> "Moras", "Borås" -> "Borås". */
const genitive = (name: string) => (/[sxz]$/i.test(name) ? name : `${name}s`);
const fill = (template: string, ort: string) => template.replaceAll('{ort:s}', genitive(ort)).replaceAll('{ort}', ort);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const FIRST_NAMES = ['Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Fatima', 'Amina', 'Leila', 'Johanna', 'Erik', 'Lars', 'Karl', 'Anders', 'Johan', 'Mohammed', 'Ali', 'Ahmed', 'Per', 'Mikael', 'Nils', 'Elsa', 'Ida', 'Hassan', 'Sofia'];
const LAST_NAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Hussein', 'Ahmadi', 'Lindberg', 'Berg', 'Lindqvist', 'Holm', 'Axelsson', 'Yilmaz', 'Nowak', 'Virtanen'];

/** Rough county centres (latitude, longitude) so generated places fall inside Sweden. */
const COUNTY_CENTRES: Record<string, [number, number]> = {
  '01': [59.33, 18.06], '03': [59.86, 17.64], '04': [59.04, 16.6], '05': [58.41, 15.62], '06': [57.78, 14.16], '07': [56.88, 14.81],
  '08': [57.0, 16.2], '09': [57.64, 18.3], '10': [56.16, 15.2], '12': [55.8, 13.5], '13': [56.9, 12.7], '14': [58.1, 12.5],
  '17': [59.6, 13.2], '18': [59.27, 15.2], '19': [59.7, 16.3], '20': [60.6, 15.0], '21': [61.3, 16.5], '22': [62.9, 17.5],
  '23': [63.2, 14.6], '24': [64.7, 18.5], '25': [66.5, 20.5],
};

/** Municipalities with a large population get more associations. */
const LARGE = new Set(['0180', '1480', '1280', '0380', '0580', '1880', '1980', '1283', '0581', '0680', '2480', '1281', '0181', '0127', '0126', '1490', '0780', '2281', '2180', '1290']);

const iso = (ms: number) => new Date(ms).toISOString();
const dateOnly = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ───────────────────────────── the dataset ─────────────────────────────

export interface BenchDataset {
  options: DatasetOptions;
  counts: DatasetCounts;
  municipalities: GenMunicipality[];
  organizations: GenOrganization[];
  users: GenUser[];
  locations: GenLocation[];
  service(index: number): GenService;
  post(index: number): GenPost;
  issue(index: number): GenIssue;
}

export function createDataset(options: DatasetOptions): BenchDataset {
  const { seed } = options;
  const now = Math.floor(options.now.getTime() / 60_000) * 60_000;
  const counts = datasetCounts(options.scale);

  const municipalitySlugs = new Set<string>();
  const municipalities: GenMunicipality[] = MUNICIPALITIES.map((m) => {
    // Håbo and Habo fold to the same slug: the later one keeps its SCB code in it.
    let slug = slugify(m.name);
    if (municipalitySlugs.has(slug)) slug = `${slug}-${m.code}`;
    municipalitySlugs.add(slug);
    return { id: `${BENCH_ID_PREFIX}mun-${m.code}`, code: m.code, name: m.name, slug, regionName: m.regionName };
  });
  const byRegion = new Map<string, GenMunicipality[]>();
  for (const m of municipalities) byRegion.set(m.regionName, [...(byRegion.get(m.regionName) ?? []), m]);

  // Public bodies first (a region per county, a municipality organisation per municipality,
  // in proportion at smaller scales), then associations.
  const regionOrgCount = Math.max(1, Math.round((counts.organizations * REGIONS.length) / FULL_SCALE.organizations));
  const municipalOrgCount = Math.max(1, Math.round((counts.organizations * FULL_SCALE.municipalities) / FULL_SCALE.organizations));
  const organizations: GenOrganization[] = [];
  const users: GenUser[] = [];
  const locations: GenLocation[] = [];
  const takenNames = new Set<string>();
  const mainLocation = new Map<string, string>();
  const protectedLocation = new Map<string, string>();
  const municipalOrgOf = new Map<string, string>();
  const regionOrgOf = new Map<string, string>();

  for (let i = 0; i < counts.organizations; i++) {
    const rng = new Rng(seed, 'organization', i);
    const id = `${BENCH_ID_PREFIX}org-${pad(i)}`;
    let kind: OrganizationKind;
    let name: string;
    let description: string;
    let municipality: GenMunicipality;
    let family = -1;
    if (i < regionOrgCount) {
      kind = 'REGION';
      const region = REGIONS[i % REGIONS.length]!;
      municipality = byRegion.get(region)![0]!;
      name = region;
      description = `${region} ansvarar för hälso- och sjukvård och kollektivtrafik i länet.`;
      regionOrgOf.set(region, id);
    } else if (i < regionOrgCount + municipalOrgCount) {
      kind = 'MUNICIPALITY';
      const j = i - regionOrgCount;
      municipality = municipalities[Math.floor((j * municipalities.length) / municipalOrgCount)]!;
      name = `${municipality.name} kommun`;
      description = `${name}: socialtjänst, budget- och skuldrådgivning, skola och omsorg.`;
      municipalOrgOf.set(municipality.id, id);
    } else {
      kind = 'ASSOCIATION';
      municipality = rng.weighted(municipalities, (m) => (LARGE.has(m.code) ? 12 : 1));
      family = ASSOCIATION_FAMILIES.indexOf(rng.weighted(ASSOCIATION_FAMILIES, (f) => f.weight));
      const f = ASSOCIATION_FAMILIES[family]!;
      name = fill(f.name, municipality.name);
      description = f.description;
    }
    // Two associations of one family in one town are told apart as people do: by part of town.
    const base = name;
    for (let n = 2; takenNames.has(name); n++) {
      const parts = ['Centrum', 'Norra', 'Södra', 'Östra', 'Västra'];
      name = n - 2 < parts.length ? `${base} ${parts[n - 2]}` : `${base} ${n}`;
    }
    takenNames.add(name);
    const slug = slugify(name);
    const domain = `${slug}.example`;
    organizations.push({
      id,
      kind,
      name,
      slug,
      description,
      email: `kontakt@${domain}`,
      phone: phoneNumber(rng),
      website: `https://${domain}/`,
      orgNumber: `${kind === 'ASSOCIATION' ? '8' : '2'}${rng.between(10000, 99999)}-${rng.between(1000, 9999)}`,
      municipalityId: municipality.id,
      family,
      lastConfirmedAt: iso(now - rng.between(0, 500) * DAY),
    });
    users.push({
      id: `${BENCH_ID_PREFIX}usr-${pad(i)}`,
      email: `bench.${pad(i)}@${domain}`,
      name: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`,
      organizationId: id,
      role: kind === 'ASSOCIATION' ? 'ASSOCIATION_ADMIN' : 'OFFICIAL',
    });
    const [lat, lon] = COUNTY_CENTRES[municipality.code.slice(0, 2)]!;
    const locationId = `${BENCH_ID_PREFIX}loc-${pad(i)}`;
    locations.push({
      id: locationId,
      organizationId: id,
      name: kind === 'ASSOCIATION' ? `${rng.pick(PLACE_NAMES)}, ${municipality.name}` : `${name}, medborgarkontoret`,
      addressLine1: `${rng.pick(STREETS)} ${rng.between(1, 60)}`,
      postalCode: `${pad(100 + (Number(municipality.code) % 880) + rng.int(20), 3)} ${pad(rng.between(10, 99), 2)}`,
      city: municipality.name,
      municipalityId: municipality.id,
      latitude: Math.round((lat + (rng.float() - 0.5) * 0.8) * 10_000) / 10_000,
      longitude: Math.round((lon + (rng.float() - 0.5) * 1.2) * 10_000) / 10_000,
      isProtected: false,
      accessibilityDescription: rng.chance(0.6) ? rng.pick(['Entré i gatuplan och tillgänglig toalett.', 'Ramp vid entrén och hiss till alla våningar.', 'Lokalen ligger en trappa upp utan hiss; ring så möts vi i en tillgänglig lokal.']) : null,
      transportation: rng.chance(0.5) ? `Buss till hållplats ${rng.pick(['Centrum', 'Torget', 'Resecentrum', 'Stationen'])}, några minuters promenad.` : null,
    });
    mainLocation.set(id, locationId);
    if (family >= 0 && ASSOCIATION_FAMILIES[family]!.hasProtectedLocation) {
      // A shelter's address is never stored: only the municipality it is in.
      const hidden = `${BENCH_ID_PREFIX}loc-${pad(i)}-p`;
      locations.push({
        id: hidden, organizationId: id, name: `${name}s skyddade boende`, addressLine1: null, postalCode: null, city: null,
        municipalityId: municipality.id, latitude: null, longitude: null, isProtected: true, accessibilityDescription: null, transportation: null,
      });
      protectedLocation.set(id, hidden);
    }
  }

  const associations = organizations.filter((o) => o.kind === 'ASSOCIATION');
  const publicOrgs = organizations.filter((o) => o.kind !== 'ASSOCIATION');
  const municipalityById = new Map(municipalities.map((m) => [m.id, m]));
  const userOf = new Map(users.map((u) => [u.organizationId, u]));
  const serviceOwners = associations.length > 0 ? associations : organizations;

  function service(index: number): GenService {
    const rng = new Rng(seed, 'service', index);
    const id = `${BENCH_ID_PREFIX}svc-${pad(index)}`;
    // About one in twenty services is the municipality's own.
    const org = rng.chance(0.05) || associations.length === 0 ? rng.pick(publicOrgs.length > 0 ? publicOrgs : organizations) : rng.pick(serviceOwners);
    const kindIndex = org.family >= 0 ? rng.pick(ASSOCIATION_FAMILIES[org.family]!.kinds) : rng.pick(MUNICIPAL_KINDS);
    const kind: ServiceKind = SERVICE_KINDS[kindIndex]!;
    const municipality = municipalityById.get(org.municipalityId)!;
    const ort = municipality.name;
    const variant = rng.int(4);
    const name =
      variant === 0 ? kind.sv : variant === 1 ? `${kind.sv} i ${ort}` : variant === 2 ? `${kind.sv} – ${org.name}` : `${kind.sv} på ${rng.pick(PLACE_NAMES)}`;
    const primary = kind.categories[0]!;
    const text = CATEGORY_TEXT[primary]!;
    const forWhom = rng.pick(text.forWhom);
    const help = rng.pick(HELP_WORDS);
    const summary = rng.pick([
      `${capitalise(help)} och samtal för dig som ${forWhom}.`,
      `Vi ger ${help} till dig som ${forWhom}.`,
      `För dig som ${forWhom}: ${help} i ${ort}.`,
      `${capitalise(help)} i ${ort} för dig som ${forWhom}.`,
    ]);
    const sentences = [
      `${org.name} erbjuder ${kind.sv.toLowerCase()} för dig som ${forWhom}.`,
      ...rng.some(kind.sentences, rng.between(2, kind.sentences.length)),
      ...rng.some(GENERIC_SENTENCES, rng.between(1, 3)),
      rng.chance(0.5) ? `Vi finns i ${ort} och tar emot besökare från hela ${municipality.regionName.replace(/^Region /, '')}.` : '',
    ].filter(Boolean);
    const split = Math.ceil(sentences.length / 2);
    const description = `${sentences.slice(0, split).join(' ')}\n\n${sentences.slice(split).join(' ')}`;
    const isFree = rng.chance(0.92);
    const schedules = scheduleFor(kind.schedule, rng, id);
    const statusRoll = rng.float();
    const status = statusRoll < 0.95 ? 'ACTIVE' : statusRoll < 0.98 ? 'INACTIVE' : 'DEFUNCT';
    const attributes = new Set<string>();
    if (isFree) attributes.add('free');
    if (kind.schedule === 'dropin') attributes.add('drop-in');
    if (kind.schedule === 'helpline' || kind.schedule === 'night') attributes.add('digital-or-phone');
    for (const a of rng.some(['anonymous', 'no-personal-number', 'companion-welcome', 'accessible-premises', 'interpreter'], rng.between(0, 2))) attributes.add(a);
    const languages = ['sv', ...rng.some(LANGUAGE_POOL, rng.weighted([0, 1, 2, 3], (n) => [5, 4, 2, 1][n]!))];
    const region = byRegion.get(municipality.regionName)!;
    const areaRoll = rng.float();
    const areas =
      org.kind === 'REGION'
        ? region.map((m) => m.id)
        : areaRoll < 0.15
          ? []
          : [...new Set([municipality.id, ...rng.some(region, areaRoll < 0.7 ? 0 : rng.between(1, 3)).map((m) => m.id)])].sort();
    const locationId =
      kind.sv === 'Skyddat boende' ? (protectedLocation.get(org.id) ?? null) : kind.schedule === 'helpline' || rng.chance(0.1) ? null : mainLocation.get(org.id)!;
    const youth = kind.targetGroups.includes('unga');
    const confirmedDaysAgo = rng.chance(0.03) ? null : rng.weighted([[0, 180], [181, 365], [366, 900]] as const, ([lo]) => (lo === 0 ? 6 : lo === 181 ? 3 : 1));
    const translations: GenService['translations'] = [];
    if (rng.chance(0.3)) {
      translations.push({ id: `${id}-en`, locale: 'en', name: variant === 1 ? `${kind.en} in ${ort}` : kind.en, summary: text.summaryEn, description: rng.chance(0.5) ? `${text.summaryEn} Run by ${org.name} in ${ort}.` : null });
    }
    if (rng.chance(0.15)) {
      translations.push({ id: `${id}-ar`, locale: 'ar', name: kind.ar, summary: text.summaryAr, description: null });
    }
    const exceptions: GenService['exceptions'] = [];
    if (rng.chance(0.2)) {
      const inDays = rng.between(1, 60);
      exceptions.push({ id: `${id}-x1`, date: dateOnly(now + inDays * DAY), isClosed: true, opensMinute: null, closesMinute: null, reason: rng.pick(['Stängt för utbildning', 'Helgdag', 'Personalen är på studiedag']) });
      if (rng.chance(0.3)) {
        exceptions.push({ id: `${id}-x2`, date: dateOnly(now + (inDays + rng.between(1, 20)) * DAY), isClosed: false, opensMinute: 600, closesMinute: 840, reason: 'Kortare öppettider' });
      }
    }
    return {
      id,
      organizationId: org.id,
      slug: `${slugify(`${kind.sv} ${ort}`)}-${index + 1}`,
      name,
      alternateName: rng.chance(0.1) ? kind.keywords[0]! : null,
      summary,
      description,
      easyReadSummary: rng.chance(0.4) ? rng.pick(EASY_READ) : null,
      applicationProcess: rng.pick(APPLICATION_PROCESSES),
      eligibilityDescription: youth && rng.chance(0.5) ? 'För dig mellan 13 och 25 år.' : null,
      minimumAge: youth && rng.chance(0.5) ? 13 : null,
      maximumAge: youth && rng.chance(0.5) ? 25 : null,
      isFree,
      feesDescription: isFree ? null : 'Medlemsavgift 100 kronor per år. Ingen ska behöva avstå av ekonomiska skäl.',
      email: rng.chance(0.8) ? org.email : null,
      url: rng.chance(0.6) ? `${org.website}${slugify(kind.sv)}` : null,
      status,
      keywords: rng.some(kind.keywords, rng.between(1, kind.keywords.length)),
      lastConfirmedAt: confirmedDaysAgo === null ? null : iso(now - rng.between(confirmedDaysAgo[0], confirmedDaysAgo[1]) * DAY),
      createdAt: iso(now - rng.between(400, 2000) * DAY),
      categories: [...kind.categories],
      targetGroups: [...kind.targetGroups],
      attributes: [...attributes].sort(),
      languages,
      areas,
      locationId,
      schedules,
      exceptions,
      phones: [
        { id: `${id}-p1`, number: phoneNumber(rng), kind: 'VOICE', description: kind.schedule === 'night' ? 'Jourtelefon' : null },
        ...(rng.chance(0.2) ? [{ id: `${id}-p2`, number: `07${rng.between(0, 9)}-${rng.between(100, 999)} ${rng.between(10, 99)} ${rng.between(10, 99)}`, kind: 'SMS' as const, description: 'Sms' }] : []),
      ],
      costOptions: isFree ? [] : [{ id: `${id}-c1`, option: 'Medlemsavgift', amount: 100, amountDescription: 'Per år' }],
      translations,
    };
  }

  function post(index: number): GenPost {
    const rng = new Rng(seed, 'post', index);
    const org = rng.pick(serviceOwners);
    const ort = municipalityById.get(org.municipalityId)!.name;
    const kindName = org.family >= 0 ? SERVICE_KINDS[rng.pick(ASSOCIATION_FAMILIES[org.family]!.kinds)]!.sv.toLowerCase() : 'rådgivning';
    const title = rng
      .pick(NEWS_TITLES)
      .replaceAll('{x}', kindName)
      .replaceAll('{org}', org.name)
      .replaceAll('{säsong}', rng.pick(SEASONS))
      .replaceAll('{ämne}', rng.pick(SUBJECTS))
      .replaceAll('{ort}', ort);
    const summary = `${rng.pick(NEWS_PARAGRAPHS)}`;
    const body: PostDocument = { type: 'doc', content: [] };
    for (const paragraph of rng.some(NEWS_PARAGRAPHS, rng.between(2, 5))) body.content.push({ type: 'paragraph', content: [{ type: 'text', text: paragraph }] });
    if (rng.chance(0.4)) {
      body.content.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Program' }] });
      body.content.push({
        type: 'bulletList',
        content: rng.some(NEWS_LIST_ITEMS, rng.between(2, 4)).map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }] })),
      });
    }
    body.content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Läs mer på ' },
        { type: 'text', text: org.name, marks: [{ type: 'link', attrs: { href: org.website } }] },
        { type: 'text', text: ' eller ring oss.', ...(rng.chance(0.3) ? { marks: [{ type: 'bold' }] } : {}) },
      ],
    });
    const roll = rng.float();
    const status: PostStatus = roll < 0.85 ? 'PUBLISHED' : roll < 0.9 ? 'DRAFT' : roll < 0.93 ? 'SCHEDULED' : roll < 0.97 ? 'PENDING_APPROVAL' : 'UNPUBLISHED';
    const daysAgo = status === 'SCHEDULED' ? -rng.between(1, 30) : rng.between(0, 1000);
    const at = now - daysAgo * DAY - rng.int(12 * 60) * 60_000;
    const eventDay = now + rng.between(-60, 90) * DAY;
    return {
      id: `${BENCH_ID_PREFIX}post-${pad(index)}`,
      organizationId: org.id,
      authorId: userOf.get(org.id)!.id,
      slug: `${slugify(title).slice(0, 80).replace(/-+$/, '')}-${index + 1}`,
      title,
      summary,
      body,
      status,
      publishAt: status === 'SCHEDULED' ? iso(at) : null,
      publishedAt: status === 'PUBLISHED' || status === 'UNPUBLISHED' ? iso(at) : null,
      unpublishedAt: status === 'UNPUBLISHED' ? iso(Math.min(now, at + 2 * DAY)) : null,
      moderationReason: status === 'UNPUBLISHED' ? 'Inlägget innehöll personuppgifter och har tagits bort tills vidare.' : null,
      createdAt: iso(Math.min(at, now) - DAY),
      topics: rng.some(['aktiviteter', 'samverkan', 'volontarer', 'stod-och-radgivning', 'natverket-lisa'], rng.between(1, 2)),
      event: rng.chance(0.1) ? { startsAt: iso(eventDay + 17 * 3_600_000), endsAt: iso(eventDay + 19 * 3_600_000), place: `${rng.pick(PLACE_NAMES)}, ${ort}` } : null,
    };
  }

  function issue(index: number): GenIssue {
    const rng = new Rng(seed, 'issue', index);
    const id = `${BENCH_ID_PREFIX}iss-${pad(index)}`;
    const org = rng.pick(serviceOwners);
    const filer = userOf.get(org.id)!;
    const municipality = municipalityById.get(org.municipalityId)!;
    // Every state at least once, then the spread a real workshop has: most issues settled.
    const state: IssueState = index < ISSUE_STATE_WEIGHTS.length ? ISSUE_STATE_WEIGHTS[index]![0] : rng.weighted(ISSUE_STATE_WEIGHTS, ([, w]) => w)[0];
    const path = issuePath(state, rng);
    const filedAt = now - rng.between(2, 700) * DAY;
    const stepAt = (i: number) => filedAt + Math.floor(((i + 1) * (now - DAY - filedAt)) / (path.length + 1));
    const concerns: PublicBody = rng.weighted(['REGION', 'MUNICIPALITY', 'BOTH'] as const, (c) => (c === 'BOTH' ? 1 : 2));
    const responderIds = [
      ...(concerns !== 'MUNICIPALITY' ? [regionOrgOf.get(municipality.regionName) ?? publicOrgs[0]?.id] : []),
      ...(concerns !== 'REGION' ? [municipalOrgOf.get(municipality.id) ?? publicOrgs[publicOrgs.length - 1]?.id] : []),
    ].filter((o): o is string => Boolean(o));
    const responders = [...new Set(responderIds)];
    const responderUser = userOf.get(responders[0] ?? org.id)!;
    const actorOf = (by: readonly string[]): GenActor =>
      by.includes('filer') ? { userId: filer.id } : by.includes('responder') ? { userId: responderUser.id } : 'coordinator';
    const events: GenIssueEvent[] = [{ id: `${id}-e0`, type: 'CREATED', fromState: null, toState: 'DRAFT', actor: { userId: filer.id }, createdAt: iso(filedAt) }];
    let from: IssueState = 'DRAFT';
    path.forEach((name, i) => {
      const t = TRANSITIONS[name];
      events.push({ id: `${id}-e${i + 1}`, type: t.event, fromState: from, toState: t.to, actor: actorOf(name === 'resolve' || name === 'closeUnresolved' || name === 'agreeAction' ? ['coordinator'] : t.by), createdAt: iso(stepAt(i)) });
      from = t.to;
    });
    const entered = (s: IssueState) => {
      const e = events.find((x) => x.toState === s && x.type !== 'CREATED');
      return e ? e.createdAt : null;
    };
    const wasAssigned = path.includes('assign');
    const answeredAt = entered('ANSWERED');
    const closed = ['RESOLVED', 'CLOSED_UNRESOLVED', 'DUPLICATE', 'REFERRED', 'WITHDRAWN'].includes(state);
    const title = rng
      .pick(ISSUE_TITLES)
      .replaceAll('{x}', rng.pick(CARE_PLACES))
      .replaceAll('{myndighet}', rng.pick(AUTHORITIES))
      .replaceAll('{ort}', municipality.name);
    return {
      id,
      title,
      description: rng.some(ISSUE_SENTENCES, rng.between(2, 4)).join(' '),
      desiredOutcome: rng.pick(DESIRED_OUTCOMES),
      category: rng.pick(['primarvard', 'psykiatri', 'socialtjanst', 'skola', 'boende', 'arbete', 'akutvard', 'barn-och-ungdomsmedicin']),
      concerns,
      municipalityId: concerns === 'REGION' ? null : municipality.id,
      state,
      visibility: rng.weighted(['RESTRICTED', 'NETWORK', 'PUBLIC'] as const, (v) => (v === 'NETWORK' ? 3 : 1)),
      filedByOrganizationId: org.id,
      createdById: filer.id,
      confirmedNoPersonalData: state !== 'DRAFT',
      dueAt: wasAssigned && !answeredAt && !closed ? iso(now + rng.between(-20, 40) * DAY) : null,
      duplicateOfId: state === 'DUPLICATE' && index > 0 ? `${BENCH_ID_PREFIX}iss-${pad(rng.int(index))}` : null,
      referredTo: state === 'REFERRED' ? rng.pick(AUTHORITIES) : null,
      resolutionFeedback: state === 'RESOLVED' ? 'CONFIRMED' : null,
      submittedAt: entered('SUBMITTED'),
      triagedAt: entered('ASSIGNED'),
      firstAnsweredAt: answeredAt,
      closedAt: closed ? events[events.length - 1]!.createdAt : null,
      createdAt: iso(filedAt),
      events,
      responders: wasAssigned ? responders : [],
      assignees: wasAssigned ? [{ userId: responderUser.id }] : [],
      answers: answeredAt ? [{ id: `${id}-a1`, organizationId: responderUser.organizationId, authorId: responderUser.id, body: rng.pick(ANSWER_TEXTS), createdAt: answeredAt }] : [],
      comments:
        state !== 'DRAFT' && rng.chance(0.4)
          ? [{ id: `${id}-c1`, authorId: filer.id, body: rng.pick(['Vi har fler exempel om det behövs.', 'Tack för snabbt svar!', 'Frågan är fortfarande aktuell hos oss.']), createdAt: iso(stepAt(0)) }]
          : [],
    };
  }

  return { options, counts, municipalities, organizations, users, locations, service, post, issue };
}

const ISSUE_STATE_WEIGHTS: [IssueState, number][] = [
  ['DRAFT', 3], ['SUBMITTED', 6], ['NEEDS_INFO', 3], ['ASSIGNED', 10], ['ANSWERED', 8], ['ACTION_AGREED', 6],
  ['RESOLVED', 30], ['CLOSED_UNRESOLVED', 8], ['DUPLICATE', 5], ['REFERRED', 6], ['WITHDRAWN', 5],
];

/** The transitions (lib/workshop/states.ts) that bring a new issue to `state`, with detours. */
function issuePath(state: IssueState, rng: Rng): TransitionName[] {
  const submitted: TransitionName[] = rng.chance(0.2) ? ['submit', 'requestInfo', 'provideInfo'] : ['submit'];
  const answered: TransitionName[] = [...submitted, 'assign', 'answer'];
  switch (state) {
    case 'DRAFT':
      return [];
    case 'SUBMITTED':
      return submitted;
    case 'NEEDS_INFO':
      return ['submit', 'requestInfo'];
    case 'ASSIGNED':
      return [...submitted, 'assign'];
    case 'ANSWERED':
      return answered;
    case 'ACTION_AGREED':
      return [...answered, 'agreeAction'];
    case 'RESOLVED':
      return [...answered, ...(rng.chance(0.5) ? (['agreeAction'] as const) : []), rng.chance(0.5) ? 'resolve' : 'confirmResolved'];
    case 'CLOSED_UNRESOLVED':
      return [...answered, 'closeUnresolved'];
    case 'DUPLICATE':
      return [...submitted, 'markDuplicate'];
    case 'REFERRED':
      return [...submitted, 'refer'];
    case 'WITHDRAWN': {
      const before: TransitionName[][] = [[], ['submit'], ['submit', 'assign'], answered];
      return [...rng.pick(before), 'withdraw'];
    }
    default:
      throw new Error(`No path to ${state satisfies never}`);
  }
}

function phoneNumber(rng: Rng): string {
  return `0${rng.between(10, 99)}-${rng.between(10, 99)} ${rng.between(10, 99)} ${rng.between(10, 99)}`;
}

const clock = (h: number, m = 0) => h * 60 + m;

/** Weekly periods for a kind of service; same-description periods never overlap. */
function scheduleFor(pattern: ServiceKind['schedule'], rng: Rng, serviceId: string): GenSchedule[] {
  const periods: Omit<GenSchedule, 'id'>[] = [];
  const add = (weekday: number, opens: number, closes: number, description: string | null, validFrom: string | null = null, validTo: string | null = null) =>
    periods.push({ weekday, opensMinute: opens, closesMinute: closes, description, validFrom, validTo });
  const shift = rng.pick([0, 30, 60]);
  switch (pattern) {
    case 'office':
      for (const day of rng.some([1, 2, 3, 4, 5], rng.between(3, 5))) {
        if (rng.chance(0.3)) {
          add(day, clock(9) + shift, clock(12), null);
          add(day, clock(13), clock(16), null);
        } else add(day, clock(9) + shift, clock(16), null);
      }
      if (rng.chance(0.3)) add(4, clock(17), clock(19), 'Kvällsöppet');
      break;
    case 'dropin':
      for (const day of rng.some([1, 2, 3, 4, 5, 6], rng.between(2, 3))) add(day, clock(13) + shift, clock(16) + shift, 'Drop-in');
      break;
    case 'evening':
      for (const day of rng.some([1, 2, 3, 4], rng.between(1, 2))) add(day, clock(18) + shift, clock(20, 30) + shift, null);
      break;
    case 'helpline':
      if (rng.chance(0.5)) for (let day = 1; day <= 7; day++) add(day, 0, 1440, 'Telefontid');
      else for (let day = 1; day <= 7; day++) add(day, clock(8), clock(22), 'Telefontid');
      break;
    case 'night':
      // Weeknights until 23, Friday and Saturday past midnight (stored as closesMinute > 1440).
      for (let day = 1; day <= 4; day++) add(day, clock(19), clock(23), 'Jourtelefon');
      add(5, clock(21), clock(27), 'Jourtelefon');
      add(6, clock(21), clock(27), 'Jourtelefon');
      if (rng.chance(0.3)) add(3, clock(13), clock(15), 'Chatt');
      break;
    case 'weekend':
      add(6, clock(11) + shift, clock(14) + shift, null);
      if (rng.chance(0.7)) add(7, clock(12), clock(15), null);
      if (rng.chance(0.2)) add(3, clock(17), clock(19), 'Sommaröppet', '2026-06-01', '2026-08-31');
      break;
  }
  return periods.map((p, i) => ({ id: `${serviceId}-s${i + 1}`, ...p }));
}
