-- Publication of indicator values and evaluations. Computed values aggregate registry records that are not all
-- public (annual statistics are unpublished by default), so a zone's values for a year are shown to anonymous
-- visitors and to users outside the zone only once an operator of that zone (or an admin) has published them.
-- Who published and when is kept on the row; each publish and withdrawal is also an audit event.
create table indicator_publications (
  zone_id bigint not null references zones(id),
  year integer not null,
  published_by bigint not null references users(id),
  published_at timestamptz not null default now(),
  primary key (zone_id, year)
);

-- Computed indicator values are written in bulk (tens of thousands of rows per recompute) from zones and
-- indicators joined in the same statement, entered ones after the service has looked both up: the per-row
-- foreign-key checks (a locking lookup in zones and in indicators for every row, measured at ~40 % of a
-- recompute's write time) guard nothing there. What they also did, on delete, is kept by triggers: zones are
-- retired, never deleted, but should a zone or an indicator be deleted, its values go with it.
alter table indicator_values drop constraint indicator_values_zone_id_fkey;
alter table indicator_values drop constraint indicator_values_indicator_id_fkey;
create function indicator_values_follow_delete() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'zones' then
    delete from indicator_values where zone_id = old.id;
  else
    delete from indicator_values where indicator_id = old.id;
  end if;
  return old;
end $$;
create trigger zones_delete_indicator_values after delete on zones for each row execute function indicator_values_follow_delete();
create trigger indicators_delete_indicator_values after delete on indicators for each row execute function indicator_values_follow_delete();

-- The surrogate id of indicator_values is never used (a value is addressed by indicator, zone and year): without it
-- each written value maintains one index instead of two.
alter table indicator_values drop constraint indicator_values_pkey;
alter table indicator_values drop column id;
alter table indicator_values drop constraint indicator_values_indicator_id_zone_id_year_key;
alter table indicator_values add primary key (indicator_id, zone_id, year);
