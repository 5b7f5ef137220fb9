import type { Queryable } from '../../shared/db';
import type { AssessedOrganization } from './assessment-access';

/**
 * What the registry knows about one enterprise that a qualification assessment can use: its statistics by year,
 * its qualifications over time, and its IP and results (achievements). Amounts stay decimal strings in 10k yuan
 * (万元), exactly as stored, so no binary rounding enters a threshold check.
 */
export interface StatisticsYear {
  year: number;
  /** Decimal text from one enterprise's query; a number (at most 6 decimals) from the batch query. */
  operating_revenue: string | number | null;
  rd_expense: string | number | null;
  staff: number | null;
  rd_staff: number | null;
  patents_granted: number | null;
}

export interface QualificationSpan {
  type: string;
  level: string | null;
  certificate_no: string | null;
  valid_from: string;
  valid_to: string | null;
}

export interface AchievementItem {
  id: number;
  kind: string;
  title: string;
  year: number | null;
  patent_no: string | null;
  converted: boolean;
}

export interface RegistryFacts {
  organization: AssessedOrganization;
  statistics: StatisticsYear[];
  qualifications: QualificationSpan[];
  achievements: AchievementItem[];
}

export async function loadRegistryFacts(db: Queryable, organization: AssessedOrganization): Promise<RegistryFacts> {
  const [statistics, qualifications, achievements] = await Promise.all([
    db.query<StatisticsYear>(`select year, round(operating_revenue, 6)::text as operating_revenue, round(rd_expense, 6)::text as rd_expense, staff, rd_staff, patents_granted
      from annual_statistics where organization_id = $1 and retired_at is null order by year`, [organization.id]),
    db.query<QualificationSpan>(`select type, level, certificate_no, valid_from, valid_to
      from qualifications where organization_id = $1 and retired_at is null order by valid_from`, [organization.id]),
    // Standards, papers and technical results matter too (standard drafting, conversions); the newest first, bounded.
    db.query<AchievementItem>(`select id, kind, title, year, patent_no, converted
      from achievements where organization_id = $1 and retired_at is null order by year desc nulls last, id desc limit 2000`, [organization.id]),
  ]);
  return { organization, statistics, qualifications, achievements };
}
