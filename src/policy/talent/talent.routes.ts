/** HTTP routes of talent programmes, teams, credits, entered values, schemes and the evaluation (/api/talent/…). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../shared/db';
import type { ActorOf } from '../../shared/http/actor-of';
import { label, nullableNum, num, text } from '../../shared/http/response-fields';
import { DATE, dbId as positive, id, idParams, plain } from '../funds/funds.schemas';
import { codeRe, schemeCodeRe, schemeDefinition } from './scheme';
import { COMPUTED_SOURCES } from './talent-indicators';
import { evaluateTalent } from './talent-evaluation';
import { addCredit, addMember, createProgramme, createScheme, createTeam, getProgramme, listProgrammes, listSchemes, setValue } from './talent.service';


const person = z.object({
  id: num, code: z.string(), zone_id: num, name_zh: z.string(), name_en: text, title: text, is_expert: z.boolean(),
  organization: z.object({ id: num, name_zh: z.string(), name_en: text }).nullable(),
}).strict().describe('public fields only: never contact data');
const programme = z.object({ id: num, code: z.string(), zone_id: num, name_zh: z.string(), name_en: text, description: text });
const team = z.object({ id: num, zone_id: num, programme_id: nullableNum, name_zh: z.string(), name_en: text, leader: person, members: z.array(person) });
const schemeOut = schemeDefinition.extend({ shipped: z.boolean(), zone_id: nullableNum });
const input = z.object({
  value: nullableNum, normalised: nullableNum, used: z.boolean(), origin: z.enum(['computed', 'manual']),
  evidence: z.array(z.object({ kind: z.string(), id: num, label: z.string(), amount: nullableNum.optional() })),
  source: text, entered_at: text, entered_by: text,
});
const scoreRank = z.object({ score: nullableNum, rank: nullableNum });
const evaluation = z.object({
  scheme: z.object({
    code: z.string(), name_zh: z.string(), name_en: z.string(), description: text, method: schemeDefinition.shape.method.unwrap(),
    groups: z.array(z.object({
      code: z.string(), name_zh: z.string(), name_en: z.string(), weight: num, used: z.boolean(),
      indicators: z.array(z.object({
        code: z.string(), name_zh: z.string(), name_en: z.string(), unit: text, weight: num, direction: z.union([z.literal(1), z.literal(-1)]),
        source: z.string().describe('a registry computation (GET /api/talent/sources) or manual'), source_label: label, used: z.boolean(),
      })),
    })),
  }),
  zone: z.object({ id: num, code: z.string(), name_zh: z.string(), name_en: text }),
  programme: nullableNum, experts_only: z.boolean(), people: num,
  excluded: z.array(z.object({ indicator: z.string(), reason: label })),
  warnings: z.array(z.string()),
  uncertainty: z.object({ runs: num, seed: num, varied: z.array(z.string()) }).nullable(),
  results: z.array(z.object({
    person, score: nullableNum, rank: nullableNum, groups: z.record(z.string(), scoreRank), inputs: z.record(z.string(), input),
    uncertainty: z.object({ median: nullableNum, q5: nullableNum, q95: nullableNum, mean: nullableNum }).nullable(),
  })),
});

export function talentRoutes(app: FastifyInstance, db: Db, actorOf: ActorOf): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policy: talent'];

  r.get('/api/talent/programmes', { schema: { tags, summary: 'Talent programmes with member and team counts', response: { 200: z.object({ items: z.array(programme.extend({ members: num, teams: num })) }) } } },
    (req) => listProgrammes(db, actorOf(req)));
  r.post('/api/talent/programmes', {
    schema: { tags, summary: 'Define a talent programme (admin or zone operator)', response: { 201: programme },
      body: z.object({ code: z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9_.-]+$/), zone_id: positive, name_zh: plain(200).pipe(z.string().min(1)), name_en: plain(200).nullish(), description: plain(5000).nullish() }) },
  }, async (req, reply) => reply.status(201).send(await createProgramme(db, actorOf(req), req.body)));
  r.get('/api/talent/programmes/:id', { schema: { tags, summary: 'A programme with its members and teams (managers of its zone)', params: idParams, response: { 200: programme.extend({ members: z.array(person.extend({ since: z.string(), until: text, source: text }).strict()), teams: z.array(team) }) } } },
    (req) => getProgramme(db, actorOf(req), req.params.id));
  r.post('/api/talent/programmes/:id/members', {
    schema: { tags, summary: 'Add (or update) a member of the programme', params: idParams, body: z.object({ person_id: positive, since: DATE, until: DATE.nullish(), source: plain(500).nullish() }), response: { 200: z.looseObject({ id: num }) } },
  }, (req) => addMember(db, actorOf(req), req.params.id, req.body));
  r.post('/api/talent/teams', {
    schema: { tags, summary: 'Create a team: a leader and members from the registry\'s people, optionally in a programme', response: { 201: team },
      body: z.object({ zone_id: positive, programme_id: positive.nullish(), name_zh: plain(200).pipe(z.string().min(1)), name_en: plain(200).nullish(), leader_person_id: positive, member_ids: z.array(positive).max(500) }) },
  }, async (req, reply) => reply.status(201).send(await createTeam(db, actorOf(req), req.body)));
  r.post('/api/talent/credits', {
    schema: { tags, summary: 'Credit a person with a registry record: an achievement, a project (lead) or a transfer case', response: { 201: z.looseObject({ id: num }) },
      body: z.object({ person_id: positive, kind: z.enum(['achievement', 'project', 'transfer_case']), ref_id: positive, role: z.enum(['lead', 'member']), source: plain(500).nullish() }) },
  }, async (req, reply) => reply.status(201).send(await addCredit(db, actorOf(req), req.body)));
  r.put('/api/talent/values', {
    schema: { tags, summary: 'Enter a manual indicator value for a person, with its source', response: { 200: z.looseObject({ id: num, value: num, source: z.string() }) },
      body: z.object({ scheme: z.string().regex(schemeCodeRe), person_id: positive, indicator: z.string().regex(codeRe), value: z.number().finite().min(0).max(1e12), source: plain(500).pipe(z.string().min(2)) }) },
  }, (req) => setValue(db, actorOf(req), req.body));
  r.get('/api/talent/sources', { schema: { tags, summary: 'The registry computations a scheme indicator may use', response: { 200: z.object({ items: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })) }) } } },
    async () => ({ items: Object.entries(COMPUTED_SOURCES).map(([key, s]) => ({ key, zh: s.zh, en: s.en })) }));
  r.get('/api/talent/schemes', { schema: { tags, summary: 'Evaluation schemes: the shipped default and those of the zones you manage', response: { 200: z.object({ items: z.array(schemeOut) }) } } },
    (req) => listSchemes(db, actorOf(req)));
  r.post('/api/talent/schemes', {
    schema: { tags, summary: 'Define an evaluation scheme for a zone (indicators in groups, weights, computed or entered)', body: z.object({ zone_id: positive, definition: schemeDefinition }), response: { 201: schemeOut } },
  }, async (req, reply) => reply.status(201).send(await createScheme(db, actorOf(req), req.body.zone_id, req.body.definition)));
  r.get('/api/talent/evaluation', {
    schema: {
      tags, summary: 'Scores and ranks of the people of a zone with a scheme, each with its inputs and their provenance (admins and operators of the zone)',
      querystring: z.object({ scheme: z.string().regex(schemeCodeRe).default('talent-default'), zone: id, programme: id.optional(), experts: z.enum(['true', 'false']).optional(), uncertainty: z.enum(['true', 'false']).optional(), runs: z.coerce.number().int().min(20).max(3000).optional(), seed: z.coerce.number().int().min(0).max(2 ** 31).optional() }),
      response: { 200: evaluation },
    },
  }, (req) => evaluateTalent(db, actorOf(req), { ...req.query, experts: req.query.experts === 'true', uncertainty: req.query.uncertainty === 'true' }));
}
