import { z } from 'zod';
import { label, nullableNum, num, when } from '../../shared/http/response-fields';
import { CASE_STAGES } from './cases.service';

/**
 * Response schemas of the transfer workflow routes (see shared/http/response-fields.ts). Database rows are loose
 * objects: the named keys are documented and checked, further columns pass through unchanged.
 */
const tier = z.enum(['public', 'signed_in', 'nda']);

export const named = z.object({ id: num, name_zh: z.string().nullable(), name_en: z.string().nullable() }).nullable();

/** A demand or offer as the viewer may see it: withheld fields are null. */
export const itemView = z.looseObject({
  id: num,
  code: z.string(),
  kind: z.enum(['demand', 'offer']),
  title: z.string(),
  organization_id: nullableNum,
  zone_id: nullableNum,
  status: z.string().nullable(),
  generated: z.boolean().describe('generated demo data'),
  disclosure: z.record(z.string(), tier).optional().describe('the tiers, for the owner and brokers only'),
});
const withheld = z.array(z.object({ field: z.string(), tier: z.enum(['public', 'signed_in', 'nda', 'owner']) }));

export const publicItem = itemView.extend({
  organization: named.describe('null when the owner is hidden (anonymous listing or a withheld tier): contact goes through the broker'),
  zone: named,
  withheld,
});
export const publicList = z.object({ items: z.array(publicItem), total: num });
const brokerCentre = z.object({ id: num, name_zh: z.string(), name_en: z.string().nullable(), address: z.string().nullable(), website: z.string().nullable(), zone_id: num });
export const brokerContact = z.object({
  zone: named,
  centres: z.array(brokerCentre).describe('technology-transfer service agencies of the zone or the nearest zone above; empty: contact through 我要对接'),
});
export const publicDetail = publicItem.extend({
  nda: label.nullable().describe('the click-through terms, when NDA-tier fields are withheld'),
  broker: brokerContact,
});
export const interestCreated = z.object({ id: num, created_at: when });
export const interestList = z.object({
  items: z.array(z.looseObject({
    id: num, item_kind: z.enum(['demand', 'offer']), item_id: num, zone_id: num, item_title: z.string().nullable(),
    name: z.string(), organization: z.string().nullable(), contact: z.string(), message: z.string(),
  })),
  total: num,
});

export const ndaAccepted = z.object({ accepted: z.literal(true) });
export const disclosure = z.object({
  tiers: z.record(z.string(), tier),
  version: z.number().describe('The item\'s version: send it back when changing the tiers'),
  tierable: z.array(z.string()),
  reveals: z.array(z.object({ fields: z.array(z.string()), at: when, username: z.string() })),
});
export const tiersOnly = z.object({ tiers: z.record(z.string(), tier), version: z.number() });

export const quality = z.object({
  score: num,
  threshold: num,
  passes: z.boolean(),
  suggestions: z.array(z.object({ field: z.string(), points: num, zh: z.string(), en: z.string() })),
});
export const statusChanged = z.object({ id: num, code: z.string(), status: z.string(), version: num, quality });
export const statusHistory = z.object({
  items: z.array(z.looseObject({ from_status: z.string().nullable(), to_status: z.string(), quality_score: nullableNum, override: z.boolean(), note: z.string().nullable(), via: z.enum(['workflow', 'import']), at: when, username: z.string().nullable() })),
});

export const matches = z.object({
  items: z.array(z.object({
    id: num,
    code: z.string(),
    kind: z.enum(['demand', 'offer']),
    title: z.string(),
    generated: z.boolean().describe('generated demo data'),
    organization: z.object({ id: num }).nullable(),
    score: num,
    confident: z.boolean(),
    why: z.array(z.string()),
    signals: z.record(z.string(), num).optional(),
    declined: z.object({ reason: z.string(), note: z.string().nullable() }).optional(),
  })),
  experts: z.array(z.object({
    id: num,
    code: z.string(),
    name: z.object({ zh: z.string(), en: z.string().nullable() }),
    title: z.string().nullable().describe('job title (Chinese)'),
    title_en: z.string().nullable().describe('job title in English, when the registry has it'),
    organization: z.object({ id: num, name_zh: z.string().nullable(), name_en: z.string().nullable() }).nullable(),
    fields: z.array(z.string()),
    score: num,
    confident: z.boolean(),
    why: z.array(z.string()),
  })).describe('registered experts who could meet a demand (empty for an offer)'),
  threshold: num,
  noMatch: z.boolean(),
  noConfidentMatch: z.boolean(),
  message: label.nullable(),
  owner: z.boolean(),
});
export const declined = z.object({ id: num, reason: z.string(), note: z.string().nullable(), at: when });
export const feedback = z.object({
  items: z.array(z.looseObject({ id: num, zone_id: num, query_kind: z.string(), query_id: num, result_id: num, reason: z.string().nullable(), note: z.string().nullable(), at: when, username: z.string().nullable() })),
});

export const weights = z.object({ weights: z.record(z.string(), num), fromZone: nullableNum });
export const rebuilt = z.object({ demands: num, offers: num, experts: num, skipped: num });

const stage = z.enum(CASE_STAGES);
const caseSummary = z.looseObject({
  id: num, code: z.string(), zone_id: num, demand_id: num, offer_id: num, stage,
  contract_amount: nullableNum, contract_date: z.string().nullable(), demand_title: z.string(), offer_title: z.string(), updated_at: when,
});
export const caseList = z.object({ items: z.array(caseSummary) });
export const caseDetail = caseSummary.extend({
  broker_user_id: nullableNum.describe('the broker (user) running the case'),
  broker_name: z.string().nullable(),
  agency_id: nullableNum.describe('the agency (technology-transfer organisation) running the case'),
  agency_name_zh: z.string().nullable(),
  agency_name_en: z.string().nullable(),
  contract_type: z.string().nullable(),
  registration_no: z.string().nullable(),
  failure_reason: z.string().nullable(),
  next: z.array(stage),
  stages: z.array(z.object({ stage, entered_at: when, left_at: when.nullable(), note: z.string().nullable(), user_id: nullableNum })),
  notes: z.array(z.object({ id: num, note: z.string(), user_id: nullableNum, at: when })),
  files: z.array(z.object({
    id: num, filename: z.string(), media_type: z.string(), size_bytes: num, sha256: z.string(), uploaded_by: nullableNum, username: z.string().nullable(), uploaded_at: when,
  })).describe('documents of the case (download at /api/transfer/cases/{id}/files/{fileId})'),
});

const fen = num.describe('money in integer fen (分)');
export const challenge = z.looseObject({
  id: num, code: z.string(), zone_id: num, title: z.string(), description: z.string().nullable(), opens_on: z.string(), closes_on: z.string(), status: z.string(),
  prize_amount_fen: fen.nullable(),
  agreements_reported: num.nullable().describe('agreements the organiser reports as signed at the challenge outside the platform\'s cases'),
  agreement_amount_reported_fen: fen.nullable(),
  totals: z.object({
    case_agreements: num.describe('cases of the challenge with a signed contract'), case_amount_fen: fen,
    agreements: num.describe('case agreements + reported ones'), amount_fen: fen,
  }),
});
export const challengeList = z.object({ items: z.array(challenge) });
export const challengeDetail = challenge.extend({
  demands: z.array(z.object({ id: num, code: z.string(), title: z.string(), status: z.string().nullable() })),
  proposals: z.array(z.looseObject({
    id: num, demand_id: num, organization_id: num, offer_id: nullableNum, text: z.string(), case_id: nullableNum, scores: num, average: nullableNum,
    organization: named, my_score: z.object({ score: num, comment: z.string().nullable() }).nullable().optional(),
  })),
});
export const proposal = z.looseObject({ id: num, challenge_id: num, demand_id: num, organization_id: num, offer_id: nullableNum, text: z.string() });
export const proposalScore = z.object({ proposal_id: num, scores: num, average: num });

export const funnel = z.object({
  zoneId: num,
  from: z.string(),
  to: z.string(),
  stages: z.array(z.object({ stage: z.string(), count: num, conversion: nullableNum, medianDays: nullableNum })),
  dropOuts: z.array(z.object({ source: z.string(), reason: z.string(), count: num })),
  contracts: z.object({ count: num, turnover: num }),
  achievements: z.object({ total: num, converted: num, conversionRate: nullableNum }),
});

const zoneName = z.object({ code: z.string(), name_zh: z.string(), name_en: z.string().nullable() });
export const zonePair = z.object({ zone_id: num, partner_zone_id: num, note: z.string().nullable(), zone: zoneName, partner: zoneName });
export const zonePairList = z.object({ items: z.array(zonePair) });

const actorFigures = {
  cases: num, open: num.describe('workload: cases not closed or failed'), signed: num, ended: num, successful: num,
  success_rate: nullableNum.describe('ended cases with a signed contract ÷ ended cases (closed or failed)'), turnover_fen: num.describe('Σ contract amounts, integer fen'),
};
export const brokerFigures = z.object({
  brokers: z.array(z.object({ user_id: num, username: z.string(), display_name: z.string(), ...actorFigures })),
  agencies: z.array(z.object({ organization_id: num, name_zh: z.string(), name_en: z.string().nullable(), ...actorFigures })),
});
