import type { Queryable, Row } from '../../shared/db';
import { normaliseIndustryCode } from '../../shared/classification/crosswalk';
import type { MatchItemInput } from '../matching';

/**
 * The GB/T 4754 industry of each organisation, for matching: a demand or offer carries its owner's industry code, which
 * the engine meets with the other side's IPC codes through the classification crosswalk (src/shared/classification).
 * Read in full at start and at every rebuild; organisations changed since are re-read at each sync and before a
 * listing is re-indexed, so a listing written after its owner's industry changed carries the new code.
 */
export interface PartyIndustries {
  /** The organisation's industry code, normalised (`C3841`), or undefined when it has none the crosswalk knows. */
  of(organizationId: number): string | undefined;
  /** Re-reads these organisations, or those updated since `since` (a timestamp from the database). */
  refresh(db: Queryable, which: { ids: number[] } | { since: string }): Promise<void>;
}

const COLUMNS = 'select id, industry_code, retired_at from organizations';

export async function loadPartyIndustries(db: Queryable): Promise<PartyIndustries> {
  const codes = new Map<number, string>();
  const apply = (rows: { id: number; industry_code: string | null; retired_at: unknown }[]) => {
    for (const r of rows) {
      // The registry accepts any well-formed code; one the crosswalk does not know (a division that does not exist)
      // is left out rather than making the listing unmatchable.
      const code = r.industry_code && !r.retired_at ? normaliseIndustryCode(String(r.industry_code)) : undefined;
      if (code) codes.set(Number(r.id), code);
      else codes.delete(Number(r.id));
    }
  };
  apply(await db.query(`${COLUMNS} where industry_code is not null and retired_at is null`));
  return {
    of: (id) => codes.get(id),
    async refresh(q, which) {
      if ('ids' in which && which.ids.length === 0) return;
      apply('ids' in which
        ? await q.query(`${COLUMNS} where id = any($1::int8[])`, [which.ids])
        : await q.query(`${COLUMNS} where updated_at >= $1::timestamptz`, [which.since]));
    },
  };
}

/** The item with its owner's industry code, for demands and offers whose organisation has one. */
export function withIndustry(kind: string, item: MatchItemInput, row: Row, industries?: PartyIndustries): MatchItemInput {
  if (!industries || (kind !== 'demand' && kind !== 'offer') || row.organization_id == null) return item;
  const code = industries.of(Number(row.organization_id));
  return code ? { ...item, industries: [code] } : item;
}
