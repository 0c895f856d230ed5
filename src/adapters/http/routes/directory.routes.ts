import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createPerson } from '../../../app/directory/create-person.ts';
import { dismissDuplicate, listDuplicates, mergeOrganisations } from '../../../app/directory/duplicates.ts';
import { erasePerson } from '../../../app/directory/erase-person.ts';
import { exportOrganisations } from '../../../app/directory/export-organisations.ts';
import { exportPerson } from '../../../app/directory/export-person.ts';
import { getPerson } from '../../../app/directory/get-person.ts';
import { linkPerson } from '../../../app/directory/link-person.ts';
import { listPeople } from '../../../app/directory/list-people.ts';
import { mapOrganisations } from '../../../app/directory/map-organisations.ts';
import {
  createNeedOffer,
  getNeedOffer,
  listNeedsOffers,
  updateNeedOffer,
} from '../../../app/directory/needs-offers.ts';
import { organisationTimeline } from '../../../app/directory/organisation-timeline.ts';
import { personConsents } from '../../../app/directory/person-consents.ts';
import { purgeInactivePeople } from '../../../app/directory/purge-inactive-people.ts';
import { recordConsent } from '../../../app/directory/record-consent.ts';
import {
  applySpreadsheetImport,
  previewSpreadsheetImport,
} from '../../../app/directory/spreadsheet-import.ts';
import { updatePerson } from '../../../app/directory/update-person.ts';
import { IdParamsSchema, ProblemSchema } from '../../../contracts/common.ts';
import {
  ConsentHistorySchema,
  ConsentInputSchema,
  ConsentRecordSchema,
  DismissInputSchema,
  DuplicateListSchema,
  ErasureResultSchema,
  ExportQueryExtension,
  ImportPreviewSchema,
  ImportResultSchema,
  MapPointsSchema,
  MergeInputSchema,
  MergeResultSchema,
  NeedOfferInputSchema,
  NeedOfferListQuerySchema,
  NeedOfferPageSchema,
  NeedOfferPatchSchema,
  NeedOfferSchema,
  PersonExportQuerySchema,
  PersonInputSchema,
  PersonLinkInputSchema,
  PersonListQuerySchema,
  PersonPageSchema,
  PersonPatchSchema,
  PersonSchema,
  PurgeResultSchema,
  SpreadsheetImportInputSchema,
  TimelineSchema,
} from '../../../contracts/directory.ts';
import { OrganisationListQuerySchema } from '../../../contracts/organisations.ts';
import type { HttpDependencies } from '../context.ts';

const errors = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  422: ProblemSchema,
};
const Empty = z.object({}).strict();
const NoContent = z.null();
/** Spreadsheets arrive base64 in JSON: a 10 MB file is about 13.4 MB of text. */
const IMPORT_BODY_LIMIT = 15 * 1024 * 1024;

/** The directory beyond the organisation's own card: people (GDPR), needs and offers, timeline, duplicates, import, export, map. */
export function directoryRoutes(base: FastifyInstance, { services }: HttpDependencies): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['Annuaire'];
  const gdpr = ['Annuaire — personnes (RGPD)'];

  app.get(
    '/api/organisations/export',
    {
      config: { action: 'organisation.export' },
      schema: {
        tags,
        summary: 'Export a filtered list as CSV or XLSX (formula cells neutralised)',
        querystring: OrganisationListQuerySchema.extend(ExportQueryExtension.shape),
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const file = await exportOrganisations(services, request.actor, query, format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('x-labo-rows', String(file.rows))
        .send(Buffer.from(file.body));
    },
  );

  app.get(
    '/api/organisations/map',
    {
      config: { action: 'organisation.list' },
      schema: {
        tags,
        summary: 'Positions of a filtered list, for the map',
        querystring: OrganisationListQuerySchema,
        response: { 200: MapPointsSchema, ...errors },
      },
    },
    (request) => mapOrganisations(services, request.actor, request.query),
  );

  app.get(
    '/api/organisations/:id/timeline',
    {
      config: { action: 'organisation.timeline' },
      schema: {
        tags,
        summary: 'Everything that happened with an organisation',
        params: IdParamsSchema,
        response: { 200: TimelineSchema, ...errors },
      },
    },
    (request) => organisationTimeline(services, request.actor, request.params.id),
  );

  app.get(
    '/api/organisations/:id/people',
    {
      config: { action: 'person.list' },
      schema: {
        tags: gdpr,
        summary: 'People acting for an organisation',
        params: IdParamsSchema,
        querystring: PersonListQuerySchema,
        response: { 200: PersonPageSchema, ...errors },
      },
    },
    (request) => listPeople(services, request.actor, { ...request.query, organisationId: request.params.id }),
  );

  app.get(
    '/api/organisations/:id/needs-offers',
    {
      config: { action: 'need_offer.list' },
      schema: {
        tags,
        summary: 'Needs and offers of an organisation',
        params: IdParamsSchema,
        querystring: NeedOfferListQuerySchema.omit({ organisationId: true }),
        response: { 200: NeedOfferPageSchema, ...errors },
      },
    },
    (request) =>
      listNeedsOffers(services, request.actor, { ...request.query, organisationId: request.params.id }),
  );

  app.post(
    '/api/organisations/:id/needs-offers',
    {
      config: { action: 'need_offer.create' },
      schema: {
        tags,
        summary: 'Add a need or an offer',
        params: IdParamsSchema,
        body: NeedOfferInputSchema,
        response: { 201: NeedOfferSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createNeedOffer(services, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/needs-offers',
    {
      config: { action: 'need_offer.list' },
      schema: {
        tags,
        summary: 'Needs and offers of the lab, filtered (category, near a commune…)',
        querystring: NeedOfferListQuerySchema,
        response: { 200: NeedOfferPageSchema, ...errors },
      },
    },
    (request) => listNeedsOffers(services, request.actor, request.query),
  );

  app.get(
    '/api/needs-offers/:id',
    {
      config: { action: 'need_offer.read' },
      schema: {
        tags,
        summary: 'One need or offer',
        params: IdParamsSchema,
        response: { 200: NeedOfferSchema, ...errors },
      },
    },
    (request) => getNeedOffer(services, request.actor, request.params.id),
  );

  app.patch(
    '/api/needs-offers/:id',
    {
      config: { action: 'need_offer.update' },
      schema: {
        tags,
        summary: 'Edit a need or an offer',
        params: IdParamsSchema,
        body: NeedOfferPatchSchema,
        response: { 200: NeedOfferSchema, ...errors },
      },
    },
    (request) => updateNeedOffer(services, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/people',
    {
      config: { action: 'person.list' },
      schema: {
        tags: gdpr,
        summary: 'People of the lab (audited)',
        querystring: PersonListQuerySchema,
        response: { 200: PersonPageSchema, ...errors },
      },
    },
    (request) => listPeople(services, request.actor, request.query),
  );

  app.post(
    '/api/people',
    {
      config: { action: 'person.create' },
      schema: {
        tags: gdpr,
        summary: 'Add a person acting for an organisation',
        body: PersonInputSchema,
        response: { 201: PersonSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createPerson(services, request.actor, request.body)),
  );

  app.post(
    '/api/people/purge',
    {
      config: { action: 'person.purge' },
      schema: {
        tags: gdpr,
        summary: 'Erase the lab’s people inactive for the retention period',
        body: Empty,
        response: { 200: PurgeResultSchema, ...errors },
      },
    },
    (request) => purgeInactivePeople(services, request.actor),
  );

  app.get(
    '/api/people/:id',
    {
      config: { action: 'person.read' },
      schema: {
        tags: gdpr,
        summary: 'One person (audited)',
        params: IdParamsSchema,
        response: { 200: PersonSchema, ...errors },
      },
    },
    (request) => getPerson(services, request.actor, request.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      config: { action: 'person.update' },
      schema: {
        tags: gdpr,
        summary: 'Rectify a person (audited)',
        params: IdParamsSchema,
        body: PersonPatchSchema,
        response: { 200: PersonSchema, ...errors },
      },
    },
    (request) => updatePerson(services, request.actor, request.params.id, request.body),
  );

  app.post(
    '/api/people/:id/consents',
    {
      config: { action: 'person.consent' },
      schema: {
        tags: gdpr,
        summary: 'Append a consent or its withdrawal',
        params: IdParamsSchema,
        body: ConsentInputSchema,
        response: { 201: ConsentRecordSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordConsent(services, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/api/people/:id/consents',
    {
      config: { action: 'person.read' },
      schema: {
        tags: gdpr,
        summary: 'Every consent record of a person, oldest first (audited)',
        params: IdParamsSchema,
        response: { 200: ConsentHistorySchema, ...errors },
      },
    },
    (request) => personConsents(services, request.actor, request.params.id),
  );

  app.post(
    '/api/people/:id/organisations',
    {
      config: { action: 'person.update' },
      schema: {
        tags: gdpr,
        summary: 'Record another organisation the person acts for, or their role there',
        params: IdParamsSchema,
        body: PersonLinkInputSchema,
        response: { 200: PersonSchema, ...errors },
      },
    },
    (request) => linkPerson(services, request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/people/:id/export',
    {
      config: { action: 'person.export' },
      schema: {
        tags: gdpr,
        summary: 'Everything held about a person, JSON or CSV (Art. 15, 20)',
        params: IdParamsSchema,
        querystring: PersonExportQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await exportPerson(services, request.actor, request.params.id, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.delete(
    '/api/people/:id',
    {
      config: { action: 'person.erase' },
      schema: {
        tags: gdpr,
        summary: 'Erase a person and every row referring to them (Art. 17)',
        params: IdParamsSchema,
        response: { 200: ErasureResultSchema, ...errors },
      },
    },
    (request) => erasePerson(services, request.actor, request.params.id),
  );

  app.get(
    '/api/directory/duplicates',
    {
      config: { action: 'organisation.duplicates' },
      schema: {
        tags,
        summary: 'Organisations that look like duplicates',
        response: { 200: DuplicateListSchema, ...errors },
      },
    },
    (request) => listDuplicates(services, request.actor),
  );

  app.post(
    '/api/directory/duplicates/dismiss',
    {
      config: { action: 'organisation.merge' },
      schema: {
        tags,
        summary: 'Declare two organisations distinct',
        body: DismissInputSchema,
        response: { 204: NoContent, ...errors },
      },
    },
    async (request, reply) => {
      await dismissDuplicate(services, request.actor, request.body.firstId, request.body.secondId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/directory/merge',
    {
      config: { action: 'organisation.merge' },
      schema: {
        tags,
        summary: 'Merge one organisation into another, keeping every link',
        body: MergeInputSchema,
        response: { 200: MergeResultSchema, ...errors },
      },
    },
    (request) => mergeOrganisations(services, request.actor, request.body),
  );

  app.post(
    '/api/directory/imports/preview',
    {
      config: { action: 'organisation.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Dry run of a spreadsheet import (CSV or XLSX)',
        body: SpreadsheetImportInputSchema,
        response: { 200: ImportPreviewSchema, ...errors },
      },
    },
    (request) => previewSpreadsheetImport(services, request.actor, request.body),
  );

  app.post(
    '/api/directory/imports/apply',
    {
      config: { action: 'organisation.import' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Apply a spreadsheet import, whole or not at all',
        body: SpreadsheetImportInputSchema,
        response: { 200: ImportResultSchema, ...errors },
      },
    },
    (request) => applySpreadsheetImport(services, request.actor, request.body),
  );
}
