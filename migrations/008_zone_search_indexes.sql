-- Text search within a zone: one GIN index over the zone and the search text, so that "成都 in Lanzhou New Area" is
-- answered inside one index (GIN intersects its keys) rather than by ANDing two bitmaps of a hundred thousand rows
-- each (see searchRecords in src/shared/records/record-repository.ts). btree_gin lets GIN index a plain value; the
-- zone is indexed as text so that the planner cannot swap in a b-tree on zone_id for that half. A GIN index answers
-- conditions on any of its columns, so it also replaces the search-only index.
create extension if not exists btree_gin;

drop index if exists organizations_search;
create index organizations_zone_search on organizations using gin ((zone_id::text), search);
drop index if exists people_search;
create index people_zone_search on people using gin ((zone_id::text), search);
drop index if exists achievements_search;
create index achievements_zone_search on achievements using gin ((zone_id::text), search);
drop index if exists projects_search;
create index projects_zone_search on projects using gin ((zone_id::text), search);

-- Organisations of one zone in id order: a search for a common word within a zone reads the zone's first records
-- (see searchRecords). Replaces (zone_id, kind), whose kind is better served by the other zone-led indexes.
drop index if exists organizations_zone;
create index organizations_zone on organizations (zone_id, id);
