/**
 * Due-date reminders, written by the worker (docs/decisions/0012-synergy-workshop.md,
 * "Notifications"): ISSUE_DUE_SOON when an assigned issue's answer is due within two days,
 * ISSUE_OVERDUE once the due date has passed, to the assignees (or the responder
 * organisations' officials) and the coordinators. The key names the due date, so moving it
 * gives a new reminder and running the job again gives none.
 */
import type { Db } from '@/lib/db/client';
import { issueRecipients, notifyUsers } from './issue-events';

export const DUE_SOON_MS = 48 * 60 * 60 * 1000;

export interface ReminderReport {
  dueSoon: number;
  overdue: number;
}

export const reminderKey = (kind: 'due-soon' | 'overdue', issueId: string, dueAt: Date) => `${kind}:${issueId}:${dueAt.toISOString()}`;

export async function writeDueReminders(db: Db, now = new Date()): Promise<ReminderReport> {
  const issues = await db.workshopIssue.findMany({
    where: { state: 'ASSIGNED', dueAt: { not: null, lte: new Date(now.getTime() + DUE_SOON_MS) } },
    select: { id: true, number: true, title: true, dueAt: true },
  });
  const wanted = issues.map((issue) => {
    const dueAt = issue.dueAt!;
    // Overdue is `dueAt < now` (the decision's definition); up to that instant it is due soon.
    const isOverdue = dueAt.getTime() < now.getTime();
    return { issue, isOverdue, key: reminderKey(isOverdue ? 'overdue' : 'due-soon', issue.id, dueAt) };
  });
  if (wanted.length === 0) return { dueSoon: 0, overdue: 0 };
  // Skip the issues already reminded of this due date without working out their recipients again.
  const written = await db.notification.findMany({
    where: { dedupeKey: { in: wanted.map((w) => w.key) } },
    distinct: ['dedupeKey'],
    select: { dedupeKey: true },
  });
  const done = new Set(written.map((w) => w.dedupeKey));
  const report: ReminderReport = { dueSoon: 0, overdue: 0 };
  for (const { issue, isOverdue, key } of wanted) {
    if (done.has(key)) continue;
    const recipients = await issueRecipients(db, issue.id, ['assignees', 'coordinators']);
    const count = await notifyUsers(db, recipients, {
      type: isOverdue ? 'ISSUE_OVERDUE' : 'ISSUE_DUE_SOON',
      issueId: issue.id,
      title: issue.title,
      url: `/verkstad/${issue.number}`,
      dedupeKey: key,
    });
    report[isOverdue ? 'overdue' : 'dueSoon'] += count;
  }
  return report;
}

const REMINDER_PERIOD_MS = 10 * 60 * 1000;

/** The worker writes reminders at most once per ten minutes: the JobRun period is the slot's start. */
export function reminderPeriodKey(now: Date): string {
  return new Date(Math.floor(now.getTime() / REMINDER_PERIOD_MS) * REMINDER_PERIOD_MS).toISOString();
}
