-- Lists of a zone's organisations sorted by name, optionally filtered by high-tech field, read in index order
-- (a zone holds up to hundreds of thousands of organisations; sorting them per page request is too slow).
create index organizations_zone_name on organizations(zone_id, name_zh);
create index organizations_zone_field_name on organizations(zone_id, hightech_field, name_zh);

-- The largest organisations of a zone in a year, read in order (zone dashboards).
create index annual_statistics_zone_revenue on annual_statistics(zone_id, year, operating_revenue desc nulls last);
