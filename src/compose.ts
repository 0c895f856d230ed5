import { CorpusCache } from './app/matching/corpus-cache.ts';
import type { Services } from './app/ports.ts';
import { matchingSource, suggestionFeedbackRepository } from './adapters/db/matching.repo.ts';
import { auditRepository } from './adapters/db/audit.repo.ts';
import { createAuth, type Auth } from './adapters/db/auth.ts';
import type { Database } from './adapters/db/database.ts';
import { invitationRepository } from './adapters/db/invitations.repo.ts';
import { labRepository } from './adapters/db/labs.repo.ts';
import { organisationRepository } from './adapters/db/organisations.repo.ts';
import { outboxRepository } from './adapters/db/outbox.repo.ts';
import { ensureSecret } from './adapters/db/settings.repo.ts';
import { userRepository } from './adapters/db/users.repo.ts';
import { buildHttpApp, type HttpApp } from './adapters/http/app.ts';
import { createMailer } from './adapters/mail/mailer.ts';
import { loadCommuneDirectory } from './adapters/territory/communes.ts';
import { centreOf, territory } from './adapters/territory/territory.ts';
import { directoryRepository } from './adapters/db/directory.repo.ts';
import { auditRetentionRepository } from './adapters/db/audit-retention.repo.ts';
import { spreadsheetCodec } from './adapters/import/spreadsheet.ts';
import { startDatabaseMaintenance } from './adapters/jobs/database-maintenance.ts';
import { startDirectoryJobs } from './adapters/jobs/directory-jobs.ts';
import { needOfferRepository } from './adapters/db/needs-offers.repo.ts';
import { personRepository } from './adapters/db/people.repo.ts';
import { timelineRepository } from './adapters/db/timeline.repo.ts';
import { DEFAULT_RETENTION_MONTHS } from './domain/directory/people.ts';

export interface RuntimeOptions {
  publicUrl: string;
  secret?: string | undefined;
  smtpUrl?: string | undefined;
  smtpFrom?: string;
  webDir?: string | undefined;
  logLevel?: string;
  signInPerMinute?: number;
  /** Months without activity before a person is purged (GDPR); default 36. */
  peopleRetentionMonths?: number;
}

export interface Runtime {
  services: Services;
  auth: Auth;
  app: HttpApp;
}

let communes: ReturnType<typeof loadCommuneDirectory> | undefined;

/** The composition root: adapters wired into the use cases and the HTTP app, on one database. */
export async function composeRuntime(database: Database, options: RuntimeOptions): Promise<Runtime> {
  const { db } = database;
  communes ??= loadCommuneDirectory();
  const outbox = outboxRepository(db);
  const mailer = createMailer({
    smtpUrl: options.smtpUrl,
    from: options.smtpFrom ?? 'Labo <no-reply@labo.local>',
    outbox,
  });
  const auth = createAuth({
    db,
    secret: options.secret ?? (await ensureSecret(db)),
    publicUrl: options.publicUrl,
    mailer,
    logLevel: options.logLevel,
    ...(options.signInPerMinute !== undefined && { signInPerMinute: options.signInPerMinute }),
  });
  const places = territory();
  const nearOf = centreOf(places);
  const services: Services = {
    organisations: organisationRepository(db, nearOf),
    territory: places,
    people: personRepository(db),
    needsOffers: needOfferRepository(db, nearOf),
    timeline: timelineRepository(db),
    directory: directoryRepository(db, nearOf, database.bulk),
    peopleRetentionMonths: options.peopleRetentionMonths ?? DEFAULT_RETENTION_MONTHS,
    auditRetention: auditRetentionRepository(db),
    spreadsheets: spreadsheetCodec(),
    labs: labRepository(db),
    users: userRepository(db),
    invitations: invitationRepository(db),
    outbox,
    mailer,
    accounts: auth.accounts,
    communes,
    audit: auditRepository(db),
    clock: { now: () => new Date() },
    matching: {
      // The engine reads the same official territory as the directory (loaded once, above).
      cache: new CorpusCache(matchingSource(db), (code) => {
        const place = places.resolve(code);
        if (!place) return undefined;
        return {
          commune: place.communeInsee,
          dep: place.departement,
          region: place.region,
          ...(place.epci ? { epci: place.epci } : {}),
          ...(place.latitude != null && place.longitude != null
            ? { lat: place.latitude, lon: place.longitude }
            : {}),
        };
      }),
      feedback: suggestionFeedbackRepository(db),
    },
    publicUrl: options.publicUrl,
  };
  const app = await buildHttpApp({
    services,
    auth,
    webDir: options.webDir,
    publicUrl: options.publicUrl,
    logLevel: options.logLevel ?? 'info',
  });
  const log = (message: string, error?: unknown) => app.log.info({ err: error }, message);
  const stopJobs = startDirectoryJobs(services, log);
  const stopMaintenance = startDatabaseMaintenance(database, log);
  app.addHook('onClose', async () => {
    stopJobs();
    stopMaintenance();
  });
  return { services, auth, app };
}
