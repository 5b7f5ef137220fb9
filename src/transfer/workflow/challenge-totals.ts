import type { Queryable, Row } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { assertBroker, TransferError } from './common';

/**
 * What an innovation challenge brought: its prize money and the agreements signed at it — those brokered as cases on
 * the platform (contract signed, the amount from the case) plus those its organiser reports as signed outside the
 * platform (a matchmaking event's 249 agreements for ¥228 M). Money is integer fen throughout: case amounts (numeric,
 * 10k yuan) are converted in SQL, so no binary fraction ever touches a sum.
 */
export interface ChallengeTotals {
  prize_amount_fen: number | null;
  agreements_reported: number | null;
  agreement_amount_reported_fen: number | null;
  totals: { case_agreements: number; case_amount_fen: number; agreements: number; amount_fen: number };
}

const int = (v: unknown) => (v == null ? null : Number(v));

/** Case agreements per challenge: cases of the challenge with a signed contract, and their amounts in fen. */
async function caseAgreements(db: Queryable, ids: readonly number[]) {
  if (!ids.length) return new Map<number, { n: number; fen: number }>();
  const rows = await db.query<{ challenge_id: number; n: number; fen: string | null }>(
    `select challenge_id, count(*)::int as n, coalesce(sum(round(contract_amount * 1000000)), 0)::int8::text as fen from transfer_cases
     where challenge_id = any($1::int8[]) and contract_date is not null group by challenge_id`, [ids]);
  return new Map(rows.map((r) => [Number(r.challenge_id), { n: Number(r.n), fen: Number(r.fen ?? 0) }]));
}

/** The challenge rows with their money columns as numbers and the totals added. */
export async function withTotals<T extends Row>(db: Queryable, rows: T[]): Promise<(T & ChallengeTotals)[]> {
  const cases = await caseAgreements(db, rows.map((r) => Number(r.id)));
  return rows.map((r) => {
    const c = cases.get(Number(r.id)) ?? { n: 0, fen: 0 };
    const reported = int(r.agreements_reported);
    const reportedFen = int(r.agreement_amount_reported_fen);
    return {
      ...r,
      prize_amount_fen: int(r.prize_amount_fen),
      agreements_reported: reported,
      agreement_amount_reported_fen: reportedFen,
      totals: { case_agreements: c.n, case_amount_fen: c.fen, agreements: c.n + (reported ?? 0), amount_fen: c.fen + (reportedFen ?? 0) },
    };
  });
}

export interface ChallengeFigures {
  prize_amount_fen?: number | null;
  agreements_reported?: number | null;
  agreement_amount_reported_fen?: number | null;
}

/** Sets a challenge's prize and reported agreements (brokers of its zone); null clears a figure, absent keeps it. */
export async function setChallengeFigures(db: Queryable, actor: Actor | null, id: number, input: ChallengeFigures) {
  const row = (await db.query('select zone_id from transfer_challenges where id = $1', [id]))[0];
  if (!row) throw new TransferError('NOT_FOUND', 'challenges', 'transfer.challengeNotFound', { id });
  await assertBroker(db, actor, Number(row.zone_id));
  const cols = (['prize_amount_fen', 'agreements_reported', 'agreement_amount_reported_fen'] as const).filter((k) => input[k] !== undefined);
  if (cols.length) {
    await db.query(`update transfer_challenges set ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`,
      [id, ...cols.map((c) => input[c])]);
  }
  return (await withTotals(db, await db.query('select * from transfer_challenges where id = $1', [id])))[0]!;
}
