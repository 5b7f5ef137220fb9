-- Policy batches (self-assessment of every enterprise, "who qualifies" for many programmes) read a few statistics
-- of every organisation by (organisation, year). Covering them lets both read this index alone (index-only scans on
-- a vacuumed table) instead of the wide statistics rows; retired rows are never read by them.
create index if not exists annual_statistics_org_year_figures on annual_statistics (organization_id, year)
  include (operating_revenue, rd_expense, staff, rd_staff, exports, patents_filed, patents_granted) where retired_at is null;
