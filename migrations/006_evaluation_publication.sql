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
