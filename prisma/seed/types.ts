/**
 * Shapes of the demo data. Everything is addressed by natural keys (slugs, codes, e-mail
 * addresses), never by database ids, so the seed can tell what already exists.
 */
import type {
  IssueState,
  IssueVisibility,
  MeetingKind,
  MembershipRole,
  NewsPublishingMode,
  OrganizationKind,
  PhoneKind,
  PublicBody,
} from '../../lib/generated/prisma/enums';

export type Locale = 'sv' | 'en' | 'ar';

/** "HH:MM" wall-clock time in Europe/Stockholm. */
export type Clock = `${number}:${number}`;

export interface SeedOpeningPeriod {
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  days: number[];
  opens: Clock;
  /** May be earlier than `opens` for a period past midnight (e.g. 22:00-02:00). */
  closes: Clock;
  description?: string;
}

export interface SeedScheduleException {
  /** Days from the seed date (0 = today); exceptions are placed relative to when the seed runs. */
  inDays: number;
  isClosed: boolean;
  opens?: Clock;
  closes?: Clock;
  reason: string;
}

export interface SeedLocation {
  name: string;
  addressLine1?: string;
  postalCode?: string;
  city?: string;
  /** Municipality code (SCB), "1883" Karlskoga, "1862" Degerfors. */
  municipality: string;
  latitude?: number;
  longitude?: number;
  isProtected?: boolean;
  accessibilityDescription?: string;
  transportation?: string;
}

export interface SeedServiceTranslation {
  name?: string;
  summary?: string;
  description?: string;
  easyReadSummary?: string;
  applicationProcess?: string;
}

export interface SeedService {
  slug: string;
  /** Slug of the organisation that runs it. */
  organization: string;
  name: string;
  alternateName?: string;
  summary: string;
  description: string;
  easyReadSummary?: string;
  applicationProcess: string;
  eligibilityDescription?: string;
  minimumAge?: number;
  maximumAge?: number;
  isFree: boolean;
  feesDescription?: string;
  email?: string;
  url?: string;
  phones: { number: string; kind?: PhoneKind; description?: string }[];
  /** Category slugs; the first is the primary one. */
  categories: string[];
  targetGroups: string[];
  /** Attribute keys (see data/taxonomy.ts). */
  attributes: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** Municipality codes the service covers. */
  areas: string[];
  location?: SeedLocation;
  schedule: SeedOpeningPeriod[];
  exceptions?: SeedScheduleException[];
  keywords?: string[];
  /** How many days ago the listing was last confirmed. */
  confirmedDaysAgo: number;
  translations?: Partial<Record<Exclude<Locale, 'sv'>, SeedServiceTranslation>>;
}

export interface SeedOrganization {
  slug: string;
  kind: OrganizationKind;
  name: string;
  description: string;
  email?: string;
  phone?: string;
  website?: string;
  orgNumber?: string;
  /** For municipality organisations. */
  municipality?: string;
  newsPublishingMode?: NewsPublishingMode;
  translations?: Partial<Record<Exclude<Locale, 'sv'>, { name?: string; description?: string }>>;
}

export interface SeedUser {
  email: string;
  name: string;
  memberships: { organization: string; role: MembershipRole }[];
}

export interface SeedPost {
  slug: string;
  organization: string;
  /** E-mail of a demo user who wrote it. */
  author?: string;
  title: string;
  summary: string;
  /** Paragraphs (and "## " headings, "- " list items) turned into Tiptap JSON by the seed. */
  body: string[];
  topics: string[];
  /** Days ago it was published; negative for a scheduled post in the future. */
  publishedDaysAgo: number;
  status?: 'DRAFT' | 'PUBLISHED' | 'SCHEDULED' | 'PENDING_APPROVAL' | 'UNPUBLISHED';
  moderationReason?: string;
  event?: {
    /** Days from the seed date, and "HH:MM" in Europe/Stockholm. */
    inDays: number;
    starts: Clock;
    ends?: Clock;
    place: string;
    signupUrl?: string;
    service?: string;
  };
}

export interface SeedIssue {
  /** Stable key for idempotency (stored nowhere else; the seed keys issues by title). */
  title: string;
  filedBy: string;
  createdBy: string;
  description: string;
  desiredOutcome: string;
  category: string;
  concerns: PublicBody;
  /** Municipality code when it concerns a municipality. */
  municipality?: string;
  state: IssueState;
  visibility: IssueVisibility;
  /** Organisation slugs assigned to respond. */
  responders?: string[];
  /** E-mails of assigned officials. */
  assignees?: string[];
  /** Days from the seed date to the due date (negative = overdue). */
  dueInDays?: number;
  /** Answer per responder organisation slug. */
  answers?: { organization: string; author: string; body: string }[];
  comments?: { author: string; body: string }[];
  internalNotes?: { organization: string; author: string; body: string }[];
  /** Set for DUPLICATE: the title of the issue it duplicates. */
  duplicateOf?: string;
  referredTo?: string;
  /** How many days ago it was filed. */
  filedDaysAgo: number;
}

export interface SeedMeeting {
  title: string;
  kind: MeetingKind;
  /** Days from the seed date (negative = in the past). */
  inDays: number;
  starts: Clock;
  ends: Clock;
  place: string;
  closed: boolean;
  agenda: {
    issue?: string;
    title?: string;
    decision?: string;
    resultingState?: IssueState;
    action?: { description: string; owner: string; followUpInDays: number };
  }[];
}
