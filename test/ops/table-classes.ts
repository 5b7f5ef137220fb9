import type { TableClasses } from '../helpers/distribution-check';

/**
 * The migrated schema can be distributed by zone on Citus: every table not named below is zone-owned and must carry
 * zone_id in its primary key, its unique constraints and indexes, and its foreign keys to other zone-owned tables.
 * A new table (migrations 023–029 and later) fails this test until it is zone-keyed or named here with its reason.
 */
export const TABLE_CLASSES: TableClasses = {
  reference: [
    'zones', //                      the zone tree: every zone-owned table points at it; a few hundred rows
    'zone_partners', //              pairs of zones (partner matching reads them for any zone)
    'users', //                      accounts of every zone, read on every request; organization_id is checked by the
    //                               application (src/accounts/users.service.ts): a reference table cannot point at
    //                               a distributed one
    'indicators', //                 the indicator library, shared by all zones
    'frameworks', //                 evaluation frameworks (owner_zone_id may be null: shipped frameworks)
    'framework_nodes', //            their trees
    'policy_rule_versions', //       qualification rules; zone_id null = platform-wide
    'talent_schemes', //             talent evaluation schemes; zone_id null = platform-wide
    'transfer_nda_acceptances', //   per user and listing, no zone of their own; small
    'transfer_disclosure_reveals', // per user and listing, no zone of their own; small
  ],
  local: [
    'schema_migrations', //          the migration ledger
    'sessions', //                   sign-in sessions (point at users, a reference table)
    'idempotency_keys', //           replayed answers, kept a day
    'rate_limit_windows', //         sign-in attempt counters shared by the instances, kept an hour
    'jobs', //                       the job queue (FOR UPDATE SKIP LOCKED on one node)
    'audit_events', //               zone_id is null for platform-level events; append-only, read by admins and operators
    'audit_created_batches', //      the same log for imported records
  ],
};
