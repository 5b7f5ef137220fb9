import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';
import { localeFrom, translate, type MessageKey } from '../../shared/i18n';
import { DOCUMENT_EXTENSIONS, fieldError, getDocument, getOriginal, ingestDocuments, listDocuments, MAX_DOCUMENT_MB, MAX_FILES_PER_UPLOAD, type UploadedFile } from './documents.service';
import * as S from './document.schemas';
import { checked } from '../../shared/http/checked-answer';
import { confirmedFactsOfZone, confirmFact, correctFact, listProposals, mergeFact, rejectFact, reviewProposal, UNITS } from './review.service';

const id = z.coerce.number().int().positive();
const idParams = z.object({ id });
const version = z.number().int().positive();
const page = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

/** Reads a multipart upload: the files (field "files" or "file", any number up to the limit) and the form fields. */
async function readUpload(req: FastifyRequest): Promise<{ files: UploadedFile[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw fieldError('files', 'intelligence.documents.noFiles');
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  // Files over the size limit arrive truncated and are refused one by one, so the others of the upload go on.
  const parts = req.parts({ limits: { files: MAX_FILES_PER_UPLOAD, fileSize: MAX_DOCUMENT_MB * 1024 * 1024 }, throwFileSizeLimit: false } as Parameters<FastifyRequest['parts']>[0]);
  try {
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        files.push({ fileName: part.filename, bytes: new Uint8Array(bytes), truncated: part.file.truncated });
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_FILES_LIMIT') throw fieldError('files', 'intelligence.documents.tooMany', { max: MAX_FILES_PER_UPLOAD });
    throw err;
  }
  return { files, fields };
}

export function documentRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/intelligence/documents', {
    schema: {
      tags: ['intelligence'],
      summary: `Ingest documents (multipart: files in "files", at most ${MAX_FILES_PER_UPLOAD} of ${MAX_DOCUMENT_MB} MB, ${DOCUMENT_EXTENSIONS.join(' ')}; fields "zone" and "article_date"): originals kept, processing runs as a job`,
      response: { 202: S.uploadResult },
    },
  }, async (req, reply) => {
    const { files, fields } = await readUpload(req);
    const zone = fields.zone === undefined || fields.zone === '' ? undefined : Number(fields.zone);
    if (zone !== undefined && (!Number.isInteger(zone) || zone <= 0)) throw fieldError('zone', 'field.type', { type: 'a zone id' });
    const locale = localeFrom(req.headers['accept-language']);
    const result = await ingestDocuments(db, actorOf(req), {
      zone, articleDate: fields.article_date || undefined, files,
      translate: (key: MessageKey, params?: Record<string, string | number>) => ({ en: translate('en', key, params), zh: translate('zh-CN', key, params), message: translate(locale, key, params) }),
    });
    return reply.status(202).send(result);
  });

  r.get('/api/intelligence/documents', {
    schema: {
      tags: ['intelligence'], summary: 'Documents you may read; search in Simplified, Traditional or English (q), by zone, period and metric of their facts',
      querystring: z.object({
        zone: id.optional(), q: z.string().max(200).optional(), period: z.string().max(20).optional(), metric: z.string().max(100).optional(),
        status: z.enum(['queued', 'processed', 'failed']).optional(), job: id.optional(), ...page,
      }),
      response: { 200: S.documentList },
    },
  }, async (req) => checked(S.documentList, listDocuments(db, actorOf(req), req.query)));

  r.get('/api/intelligence/documents/:id', {
    schema: { tags: ['intelligence'], summary: 'The reader: clean text, original text, removed parts with reasons, facts (with conflicting sources) and policy proposals', params: idParams, response: { 200: S.documentDetail } },
  }, async (req) => checked(S.documentDetail, getDocument(db, actorOf(req), req.params.id)));

  r.get('/api/intelligence/documents/:id/original', {
    schema: { tags: ['intelligence'], summary: 'The original file, byte for byte as uploaded', params: idParams },
  }, async (req, reply) => {
    const file = await getOriginal(db, actorOf(req), req.params.id);
    return reply.header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).send(file.bytes);
  });

  r.patch('/api/intelligence/facts/:id', {
    schema: {
      tags: ['intelligence'], summary: 'Correct an open fact (value, unit, period, subject, metric)', params: idParams,
      body: z.object({
        version, value: z.union([z.string().max(40), z.number()]).optional(), unit: z.enum(UNITS).optional(),
        period: z.string().max(20).nullable().optional(), subject: z.string().max(200).optional(), subject_zone_id: id.nullable().optional(), metric: z.string().max(300).optional(),
      }).strict(),
      response: { 200: S.correctedFact },
    },
  }, async (req) => checked(S.correctedFact, correctFact(db, actorOf(req), req.params.id, req.body)));

  r.post('/api/intelligence/facts/:id/confirm', {
    schema: {
      tags: ['intelligence'], summary: 'Confirm a fact: it becomes a zone fact with the document and quote as source (supersede: replace a disagreeing confirmed source)',
      params: idParams, body: z.object({ version, supersede: z.boolean().default(false) }), response: { 200: S.confirmedFact },
    },
  }, async (req) => checked(S.confirmedFact, confirmFact(db, actorOf(req), req.params.id, req.body.version, req.body.supersede)));

  r.post('/api/intelligence/facts/:id/reject', {
    schema: { tags: ['intelligence'], summary: 'Reject a fact', params: idParams, body: z.object({ version }), response: { 200: S.rejectedFact } },
  }, async (req) => checked(S.rejectedFact, rejectFact(db, actorOf(req), req.params.id, req.body.version)));

  r.post('/api/intelligence/facts/:id/merge', {
    schema: { tags: ['intelligence'], summary: 'Merge a duplicate fact into another fact of the same zone', params: idParams, body: z.object({ version, into: id }), response: { 200: S.mergedFact } },
  }, async (req) => checked(S.mergedFact, mergeFact(db, actorOf(req), req.params.id, req.body.version, req.body.into)));

  r.get('/api/intelligence/zone-facts', {
    schema: {
      tags: ['intelligence'], summary: 'Confirmed facts about a zone (and the zones below it), with quotes and links to their sentences (published zone facts: anyone)',
      querystring: z.object({ zone: id }),
      response: { 200: S.zoneFacts },
    },
  }, async (req) => checked(S.zoneFacts, confirmedFactsOfZone(db, req.query.zone)));

  r.get('/api/intelligence/policy-proposals', {
    schema: {
      tags: ['intelligence'], summary: 'Policies found in documents, proposed as records for the policy module',
      querystring: z.object({ zone: id.optional(), status: z.enum(['proposed', 'accepted', 'dismissed']).optional(), ...page }),
      response: { 200: S.proposalList },
    },
  }, async (req) => checked(S.proposalList, listProposals(db, actorOf(req), req.query)));

  r.post('/api/intelligence/policy-proposals/:id/review', {
    schema: { tags: ['intelligence'], summary: 'Accept or dismiss a policy proposal', params: idParams, body: z.object({ status: z.enum(['accepted', 'dismissed']) }), response: { 200: S.reviewedProposal } },
  }, async (req) => checked(S.reviewedProposal, reviewProposal(db, actorOf(req), req.params.id, req.body.status)));
}
