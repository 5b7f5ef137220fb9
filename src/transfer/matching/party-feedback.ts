import type { ItemAttributes } from './prepare-item';

/** Why a party declined a proposed match (the workflow's vocabulary); accepted events have none. */
export type FeedbackReason = 'wrong_field' | 'too_early' | 'too_expensive' | 'not_novel' | 'other';

export interface FeedbackEvent {
  /** Party whose item was shown as a match. */
  party: string;
  outcome: 'accepted' | 'rejected';
  /** Why a rejection was made; without one, a rejection weighs on the whole party (as `other`). */
  reason?: FeedbackReason;
  /** The declined item: its id, high-tech field codes and TRL, which scope the reason. */
  item?: string;
  fields?: readonly string[];
  trl?: number;
}

/**
 * Where a learned weight applies. A reason says what was wrong with the declined item, so it lowers only the results
 * that share that fault, not every listing of the party:
 * - `wrong_field`: the party's results in the declined item's high-tech field (top level, "4" for "4.1");
 * - `too_expensive`: results priced over the query's budget, whoever offers them (the asking party's budget is firm);
 * - `too_early`: the party's results no more mature (TRL) than the declined item;
 * - `not_novel`: the declined item itself (the party's other technologies may still be new to the asker);
 * - `other` (or none): the whole party, as do accepted matches (cases opened).
 * A reason that cannot be scoped (a wrong field without a field, too early without a TRL) falls back to the item.
 */
export type FeedbackScope =
  | { kind: 'party'; party: string }
  | { kind: 'field'; party: string; field: string }
  | { kind: 'overBudget' }
  | { kind: 'maturity'; party: string; maxTrl: number }
  | { kind: 'item'; item: string };

export interface ScopedWeight {
  scope: FeedbackScope;
  /** 0..2, 1 = neutral. */
  weight: number;
}

/** Per-party weights (the `party` scopes, keyed by party) plus the narrower scoped ones. */
export interface PartyWeights {
  parties: Record<string, number>;
  scoped: ScopedWeight[];
}

const topField = (code: string) => code.split('.')[0]!;

function scopeOf(e: FeedbackEvent): FeedbackScope {
  if (e.outcome === 'accepted') return { kind: 'party', party: e.party };
  const fallback: FeedbackScope = e.item !== undefined ? { kind: 'item', item: e.item } : { kind: 'party', party: e.party };
  switch (e.reason) {
    case 'wrong_field': return e.fields?.length ? { kind: 'field', party: e.party, field: topField(e.fields[0]!) } : fallback;
    case 'too_expensive': return { kind: 'overBudget' };
    case 'too_early': return e.trl !== undefined ? { kind: 'maturity', party: e.party, maxTrl: e.trl } : fallback;
    case 'not_novel': return fallback;
    default: return { kind: 'party', party: e.party };
  }
}

/**
 * Turns past feedback into weights in 0..2 (1 = neutral) with a Laplace prior, so one rejection does not bury
 * anything: weight = 2 × (accepted + 1) / (accepted + rejected + 2), counted per scope (above). Several scoped
 * rejections of one kind (two wrong-field declines in the same field) tighten the same scope.
 */
export function feedbackToPartyWeights(events: readonly FeedbackEvent[]): PartyWeights {
  const tally = new Map<string, { scope: FeedbackScope; accepted: number; rejected: number }>();
  for (const e of events) {
    const scope = scopeOf(e);
    const key = JSON.stringify(scope);
    const entry = tally.get(key) ?? { scope, accepted: 0, rejected: 0 };
    entry[e.outcome]++;
    tally.set(key, entry);
  }
  const result: PartyWeights = { parties: {}, scoped: [] };
  for (const { scope, accepted, rejected } of tally.values()) {
    const weight = (2 * (accepted + 1)) / (accepted + rejected + 2);
    if (scope.kind === 'party') result.parties[scope.party] = weight;
    else result.scoped.push({ scope, weight });
  }
  return result;
}

function applies(scope: FeedbackScope, resultId: string, result: ItemAttributes, demand: ItemAttributes, offer: ItemAttributes): boolean {
  switch (scope.kind) {
    case 'party': return result.party === scope.party;
    case 'field': return result.party === scope.party && result.fields.some((f) => topField(f) === scope.field);
    case 'overBudget': return demand.budget !== undefined && offer.price !== undefined && offer.price > demand.budget;
    case 'maturity': return result.party === scope.party && result.trl !== undefined && result.trl <= scope.maxTrl;
    case 'item': return resultId === scope.item;
  }
}

/**
 * The feedback multiplier of one result: each weight that applies moves the score by 1 + strength × (w − 1), and
 * the moves multiply. `weights` may also be a plain record of party weights (as before reasons were scoped).
 */
export function feedbackMultiplier(
  weights: PartyWeights | Readonly<Record<string, number>> | undefined, strength: number,
  resultId: string, result: ItemAttributes, demand: ItemAttributes, offer: ItemAttributes,
): number {
  if (!weights) return 1;
  const structured = 'parties' in weights && 'scoped' in weights && Array.isArray((weights as PartyWeights).scoped);
  const parties = (structured ? (weights as PartyWeights).parties : weights) as Readonly<Record<string, number>>;
  const move = (w: number) => 1 + strength * (Math.min(2, Math.max(0, w)) - 1);
  let m = 1;
  const partyWeight = result.party !== undefined ? parties[result.party] : undefined;
  if (typeof partyWeight === 'number') m *= move(partyWeight);
  if (structured) for (const s of (weights as PartyWeights).scoped) if (applies(s.scope, resultId, result, demand, offer)) m *= move(s.weight);
  return m;
}
