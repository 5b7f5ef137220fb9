import { z } from 'zod';
import { isHighTechFieldCode } from './high-tech-fields';
import { isIpcCode } from './ipc';
import { normaliseIndustryCode } from '../../shared/classification/crosswalk';

/** Longest accepted description, in characters (~200 KB of UTF-8 Chinese); longer texts are rejected, not truncated. */
export const MAX_TEXT_CHARS = 100_000;
export const MAX_TITLE_CHARS = 1_000;

export const ITEM_FIELDS = ['title', 'text', 'fields', 'ipc', 'industries', 'trl', 'budget', 'price', 'zone'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

// Cheap check that there is something to analyse: a letter or a digit in any script.
const HAS_WORD = /[\p{L}\p{N}]/u;

export const matchItemSchema = z
  .object({
    id: z.string().min(1, 'id must not be empty').max(200),
    lang: z.enum(['zh-Hans', 'zh-Hant', 'en'], { error: 'lang must be one of zh-Hans, zh-Hant, en' }),
    title: z.string().max(MAX_TITLE_CHARS, `title is longer than ${MAX_TITLE_CHARS} characters`).default(''),
    text: z.string().max(MAX_TEXT_CHARS, `text is longer than the ${MAX_TEXT_CHARS}-character limit`),
    /** High-tech field or sub-field codes, e.g. ["4.1"]. */
    fields: z.array(z.string().refine(isHighTechFieldCode, 'unknown high-tech field code')).default([]),
    /** IPC codes at any depth, e.g. ["H01M 4/58", "C08F"]. */
    ipc: z.array(z.string().refine(isIpcCode, 'malformed IPC code')).default([]),
    /** GB/T 4754-2017 industry codes of the owning organisation (e.g. ["C3841"]); met with the other side's IPC through the crosswalk. */
    industries: z.array(z.string().max(10).refine((c) => normaliseIndustryCode(c) !== undefined, 'unknown GB/T 4754 industry code')).max(20).default([]),
    /** Offer: achieved technology readiness level. Demand: minimum level required. */
    trl: z.number().int().min(1).max(9).optional(),
    /** Demand: what the enterprise can spend (any one currency across the platform). */
    budget: z.number().nonnegative().optional(),
    /** Offer: asking price, same currency as budgets. */
    price: z.number().nonnegative().optional(),
    /** Partner zone id (e.g. "lanzhou-new-area") and optional coordinates for distance. */
    zone: z.string().min(1).optional(),
    /** Zones paired with this item's zone (a partnership such as Lanzhou–Baiyin with Zhangjiang): they count as the same partner zone. */
    partnerZones: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    coords: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
    /** Owning party, for feedback-derived per-party weights. */
    party: z.string().min(1).optional(),
    /** Fields used for matching (default: all). */
    matchable: z.array(z.enum(ITEM_FIELDS)).optional(),
    /** Fields that may be named in explanations (default: the matchable ones). */
    explainable: z.array(z.enum(ITEM_FIELDS)).optional(),
  })
  .superRefine((item, ctx) => {
    if (!HAS_WORD.test(item.title) && !HAS_WORD.test(item.text)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'text has no words (empty or only punctuation)' });
    }
  });

export type MatchItemInput = z.input<typeof matchItemSchema>;
export type MatchItem = z.output<typeof matchItemSchema>;

export class MatchItemError extends Error {
  readonly code = 'TRANSFER_MATCH_ITEM_INVALID';
  constructor(
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${field}: ${detail}`);
  }
}

/** Validates one item; throws MatchItemError naming the first offending field. */
export function parseMatchItem(input: unknown): MatchItem {
  const result = matchItemSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : '(item)';
  throw new MatchItemError(field, issue.message);
}
