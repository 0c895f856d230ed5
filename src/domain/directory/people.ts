import type { ConsentPurpose } from './vocabulary.ts';

/** The CNIL's reference: contacts inactive for three years are deleted (Art. 5(1)(e)). */
export const DEFAULT_RETENTION_MONTHS = 36;

/** The instant before which a person's last activity makes them due for the purge. */
export function purgeCutoff(now: Date, retentionMonths: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
  return cutoff;
}

export function isInactive(lastActivityAt: Date, now: Date, retentionMonths: number): boolean {
  return lastActivityAt.getTime() < purgeCutoff(now, retentionMonths).getTime();
}

export interface ConsentEvent {
  purpose: ConsentPurpose;
  action: 'given' | 'withdrawn';
  textVersion: string;
  at: Date;
}

export interface ConsentState {
  purpose: ConsentPurpose;
  given: boolean;
  textVersion: string;
  since: Date;
}

/**
 * The consents in force, read from the append-only records: for each purpose the latest record
 * wins (a withdrawal after a consent ends it; a new consent after a withdrawal renews it).
 */
export function currentConsents(records: readonly ConsentEvent[]): ConsentState[] {
  const latest = new Map<ConsentPurpose, ConsentEvent>();
  for (const record of records) {
    const previous = latest.get(record.purpose);
    if (!previous || record.at.getTime() >= previous.at.getTime()) latest.set(record.purpose, record);
  }
  return [...latest.values()].map((r) => ({
    purpose: r.purpose,
    given: r.action === 'given',
    textVersion: r.textVersion,
    since: r.at,
  }));
}

/** Art. 14: a person imported from a file must be informed within one month of the import. */
export const INFORMATION_DEADLINE_DAYS = 30;

export function isInformationOverdue(
  person: { source: string; informedAt: Date | null; createdAt: Date },
  now: Date,
): boolean {
  if (person.source !== 'import' || person.informedAt) return false;
  return now.getTime() - person.createdAt.getTime() > INFORMATION_DEADLINE_DAYS * 86_400_000;
}
