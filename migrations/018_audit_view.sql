-- The audit view (src/shared/audit) lists events newest first, for everyone or for a zone subtree, optionally by user:
-- these indexes serve its order and its common filters on both audit tables (the entity/record index of 002 serves
-- a record's own trail).
create index audit_events_at on audit_events (at desc, id desc);
create index audit_events_zone_at on audit_events (zone_id, at desc);
create index audit_events_user_at on audit_events (user_id, at desc);
create index audit_created_batches_at on audit_created_batches (at desc, id desc);
create index audit_created_batches_zone_at on audit_created_batches (zone_id, at desc);
