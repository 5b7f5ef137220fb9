-- Every zone-owned table distributable by zone_id (Citus `create_distributed_table(…, 'zone_id')`), see
-- docs/scaling.md: primary keys (zone_id, …), unique constraints that include zone_id, and foreign keys between
-- zone-owned tables that carry zone_id on both sides. test/ops/distributable.test.ts reads the catalogue and fails when
-- a table or constraint would block distribution; it also holds the list of reference and local tables, with reasons.
--
-- Rules followed here:
-- * A row's zone is its owner's: a registry record's, an application's, an assessment's zone is its organisation's; a
--   case's is its demand's; a file's, a stage's, a note's is its parent's; a ledger's, a notice's, a batch's is its
--   programme's; a pool's and a scheme's children are in the pool's or scheme's zone. Those foreign keys become
--   (zone_id, parent_id) → parent (zone_id, id) with ON UPDATE CASCADE, so that moving an organisation to another zone
--   (one UPDATE of organizations.zone_id) moves everything that belongs to it. Citus refuses ON UPDATE CASCADE on a
--   key that includes the distribution column, and refuses to change a distribution column at all: on Citus these
--   keys are re-created ON UPDATE NO ACTION (docs/scaling.md) and moving an organisation is refused there.
-- * A relation that legitimately crosses zones loses its foreign key and is checked by the application where the row
--   is written (named per key below; tests in test/ops/cross-zone-checks.test.ts for the record paths).
-- * Codes stay unique across all zones as an application invariant (src/shared/records/global-keys.ts, under an
--   advisory lock); the database keeps (zone_id, code). Same for an organisation's unified social credit code.
-- * Plain lookups by id keep an index on id (the primary key now leads with zone_id).

-- 1. zone_id on child tables that did not carry it, from their parent.
alter table policy_ledger_accounts add column zone_id bigint;
update policy_ledger_accounts a set zone_id = p.zone_id from policy_programmes p where p.id = a.programme_id;
alter table policy_ledger_accounts alter column zone_id set not null;

alter table policy_ledger_entries add column zone_id bigint;
alter table policy_ledger_entries disable trigger policy_ledger_append_only;
update policy_ledger_entries e set zone_id = p.zone_id from policy_programmes p where p.id = e.programme_id;
alter table policy_ledger_entries enable trigger policy_ledger_append_only;
alter table policy_ledger_entries alter column zone_id set not null;

alter table policy_assessment_versions add column zone_id bigint;
update policy_assessment_versions v set zone_id = a.zone_id from policy_assessments a where a.id = v.assessment_id;
alter table policy_assessment_versions alter column zone_id set not null;

alter table risk_pool_banks add column zone_id bigint;
update risk_pool_banks b set zone_id = p.zone_id from risk_pools p where p.id = b.pool_id;
alter table risk_pool_banks alter column zone_id set not null;

alter table risk_pool_movements add column zone_id bigint;
update risk_pool_movements m set zone_id = p.zone_id from risk_pools p where p.id = m.pool_id;
alter table risk_pool_movements alter column zone_id set not null;

alter table voucher_providers add column zone_id bigint;
update voucher_providers v set zone_id = s.zone_id from voucher_schemes s where s.id = v.scheme_id;
alter table voucher_providers alter column zone_id set not null;

alter table talent_team_members add column zone_id bigint;
update talent_team_members m set zone_id = t.zone_id from talent_teams t where t.id = m.team_id;
alter table talent_team_members alter column zone_id set not null;

alter table talent_memberships add column zone_id bigint;
update talent_memberships m set zone_id = p.zone_id from talent_programmes p where p.id = m.programme_id;
alter table talent_memberships alter column zone_id set not null;

-- 2. Rows whose zone differs from their owner's (an organisation moved before this migration took its applications,
--    assessments or registration request along; a demand moved without its cases): put them in their owner's zone,
--    parents before children, so that the zone-carrying keys below hold. Normally these update nothing.
update qualifications c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update achievements c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update annual_statistics c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update tech_demands c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update tech_offers c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update transfer_cases c set zone_id = p.zone_id from tech_demands p where p.id = c.demand_id and c.zone_id <> p.zone_id;
update transfer_case_stages c set zone_id = p.zone_id from transfer_cases p where p.id = c.case_id and c.zone_id <> p.zone_id;
update transfer_case_notes c set zone_id = p.zone_id from transfer_cases p where p.id = c.case_id and c.zone_id <> p.zone_id;
update transfer_case_files c set zone_id = p.zone_id from transfer_cases p where p.id = c.case_id and c.zone_id <> p.zone_id;
update transfer_challenge_demands c set zone_id = p.zone_id from transfer_challenges p where p.id = c.challenge_id and c.zone_id <> p.zone_id;
update transfer_challenge_proposals c set zone_id = p.zone_id from transfer_challenges p where p.id = c.challenge_id and c.zone_id <> p.zone_id;
update transfer_proposal_scores c set zone_id = p.zone_id from transfer_challenge_proposals p where p.id = c.proposal_id and c.zone_id <> p.zone_id;
update policy_notices c set zone_id = p.zone_id from policy_programmes p where p.id = c.programme_id and c.zone_id <> p.zone_id;
update policy_disbursement_batches c set zone_id = p.zone_id from policy_programmes p where p.id = c.programme_id and c.zone_id <> p.zone_id;
update policy_applications c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update policy_application_files c set zone_id = p.zone_id from policy_applications p where p.id = c.application_id and c.zone_id <> p.zone_id;
update policy_objections c set zone_id = p.zone_id from policy_applications p where p.id = c.application_id and c.zone_id <> p.zone_id;
update policy_disbursements c set zone_id = p.zone_id from policy_applications p where p.id = c.application_id and c.zone_id <> p.zone_id;
update policy_assessments c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;
update policy_assessment_versions c set zone_id = p.zone_id from policy_assessments p where p.id = c.assessment_id and c.zone_id <> p.zone_id;
update risk_pool_loans c set zone_id = p.zone_id from risk_pools p where p.id = c.pool_id and c.zone_id <> p.zone_id;
update risk_pool_claims c set zone_id = p.zone_id from risk_pools p where p.id = c.pool_id and c.zone_id <> p.zone_id;
update vouchers c set zone_id = p.zone_id from voucher_schemes p where p.id = c.scheme_id and c.zone_id <> p.zone_id;
update talent_credits c set zone_id = p.zone_id from people p where p.id = c.person_id and c.zone_id <> p.zone_id;
update talent_indicator_values c set zone_id = p.zone_id from people p where p.id = c.person_id and c.zone_id <> p.zone_id;
update intel_facts c set zone_id = p.zone_id from intel_documents p where p.id = c.document_id and c.zone_id <> p.zone_id;
update intel_policy_proposals c set zone_id = p.zone_id from intel_documents p where p.id = c.document_id and c.zone_id <> p.zone_id;
update registration_requests c set zone_id = p.zone_id from organizations p where p.id = c.organization_id and c.zone_id <> p.zone_id;

-- 3. Drop every foreign key that points at a zone-owned table (by id alone) and every unique constraint of a
--    zone-owned table: they are re-created below with zone_id, or replaced by an application check.
do $$
declare
  owned text[] := array[
    'organizations', 'qualifications', 'people', 'achievements', 'projects', 'annual_statistics', 'zone_facts',
    'tech_demands', 'tech_offers', 'transfer_status_events', 'transfer_match_feedback', 'transfer_demand_matched',
    'transfer_cases', 'transfer_case_stages', 'transfer_case_notes', 'transfer_case_files', 'transfer_challenges',
    'transfer_challenge_demands', 'transfer_challenge_proposals', 'transfer_proposal_scores', 'transfer_interests',
    'policy_programmes', 'policy_notices', 'policy_applications', 'policy_application_files', 'policy_objections',
    'policy_ledger_accounts', 'policy_disbursement_batches', 'policy_disbursements', 'policy_ledger_entries',
    'policy_assessments', 'policy_assessment_versions', 'risk_pools', 'risk_pool_banks', 'risk_pool_loans',
    'risk_pool_claims', 'risk_pool_movements', 'voucher_schemes', 'voucher_providers', 'vouchers',
    'talent_programmes', 'talent_teams', 'talent_team_members', 'talent_memberships', 'talent_credits',
    'talent_indicator_values', 'intel_documents', 'intel_facts', 'intel_policy_proposals', 'registration_requests'];
  c record;
begin
  for c in select conrelid::regclass as tbl, conname from pg_constraint
           where contype = 'f' and connamespace = current_schema()::regnamespace
             and (select relname from pg_class where oid = confrelid) = any(owned)
  loop
    execute format('alter table %s drop constraint %I', c.tbl, c.conname);
  end loop;
  for c in select conrelid::regclass as tbl, conname from pg_constraint
           where contype in ('u', 'p') and connamespace = current_schema()::regnamespace
             and (select relname from pg_class where oid = conrelid) = any(owned)
             and (select relname from pg_class where oid = conrelid) not in ('transfer_match_weights')
  loop
    execute format('alter table %s drop constraint %I', c.tbl, c.conname);
  end loop;
end $$;
drop index policy_ledger_accounts_one;
drop index registration_requests_pending_code;
drop index registration_requests_pending_username;

-- 4. Primary keys and unique constraints with zone_id; an index on id for lookups by id alone.
-- registry
alter table organizations add primary key (zone_id, id), add unique (zone_id, code), add unique (zone_id, credit_code);
alter table qualifications add primary key (zone_id, id), add unique (zone_id, code);
alter table people add primary key (zone_id, id), add unique (zone_id, code);
alter table achievements add primary key (zone_id, id), add unique (zone_id, code);
alter table projects add primary key (zone_id, id), add unique (zone_id, code);
alter table annual_statistics add primary key (zone_id, id), add unique (zone_id, code), add unique (zone_id, organization_id, year);
alter table zone_facts add primary key (zone_id, id), add unique (zone_id, code);
create index organizations_id on organizations (id);
create index organizations_code on organizations (code);
create index organizations_credit_code on organizations (credit_code);
create index qualifications_id on qualifications (id);
create index qualifications_code on qualifications (code);
create index people_id on people (id);
create index people_code on people (code);
create index achievements_id on achievements (id);
create index achievements_code on achievements (code);
create index projects_id on projects (id);
create index projects_code on projects (code);
create index annual_statistics_id on annual_statistics (id);
create index annual_statistics_code on annual_statistics (code);
create index annual_statistics_org_year on annual_statistics (organization_id, year);
create index zone_facts_id on zone_facts (id);
create index zone_facts_code on zone_facts (code);

-- transfer (transfer_match_weights keeps its primary key, zone_id)
alter table tech_demands add primary key (zone_id, id), add unique (zone_id, code);
alter table tech_offers add primary key (zone_id, id), add unique (zone_id, code);
alter table transfer_status_events add primary key (zone_id, id);
alter table transfer_match_feedback add primary key (zone_id, id);
alter table transfer_demand_matched add primary key (zone_id, demand_id);
alter table transfer_cases add primary key (zone_id, id), add unique (zone_id, code);
alter table transfer_case_stages add primary key (zone_id, id);
alter table transfer_case_notes add primary key (zone_id, id);
alter table transfer_case_files add primary key (zone_id, id);
alter table transfer_challenges add primary key (zone_id, id), add unique (zone_id, code);
alter table transfer_challenge_demands add primary key (zone_id, challenge_id, demand_id);
alter table transfer_challenge_proposals add primary key (zone_id, id);
alter table transfer_proposal_scores add primary key (zone_id, proposal_id, scorer_id);
alter table transfer_interests add primary key (zone_id, id);
create index tech_demands_id on tech_demands (id);
create index tech_demands_code on tech_demands (code);
create index tech_offers_id on tech_offers (id);
create index tech_offers_code on tech_offers (code);
create index transfer_status_events_id on transfer_status_events (id);
create index transfer_match_feedback_id on transfer_match_feedback (id);
create index transfer_demand_matched_demand on transfer_demand_matched (demand_id);
create index transfer_cases_id on transfer_cases (id);
create index transfer_cases_code on transfer_cases (code);
create index transfer_case_stages_id on transfer_case_stages (id);
create index transfer_case_notes_id on transfer_case_notes (id);
create index transfer_case_notes_case on transfer_case_notes (case_id);
create index transfer_case_files_id on transfer_case_files (id);
create index transfer_challenges_id on transfer_challenges (id);
create index transfer_challenges_code on transfer_challenges (code);
create index transfer_challenge_demands_challenge on transfer_challenge_demands (challenge_id, demand_id);
create index transfer_challenge_proposals_id on transfer_challenge_proposals (id);
create index transfer_challenge_proposals_challenge on transfer_challenge_proposals (challenge_id);
create index transfer_proposal_scores_proposal on transfer_proposal_scores (proposal_id, scorer_id);
create index transfer_interests_id on transfer_interests (id);

-- policy
alter table policy_programmes add primary key (zone_id, id), add unique (zone_id, code);
alter table policy_notices add primary key (zone_id, id);
alter table policy_applications add primary key (zone_id, id),
  add unique (zone_id, programme_id, organization_id),
  -- the target of the disbursement key below
  add unique (zone_id, id, programme_id, organization_id, status, approved_fen);
alter table policy_application_files add primary key (zone_id, id);
alter table policy_objections add primary key (zone_id, id);
alter table policy_ledger_accounts add primary key (zone_id, id), add unique (zone_id, id, programme_id);
create unique index policy_ledger_accounts_one on policy_ledger_accounts (zone_id, programme_id, kind, coalesce(organization_id, 0));
alter table policy_disbursement_batches add primary key (zone_id, id), add unique (zone_id, idempotency_key);
alter table policy_disbursements add primary key (zone_id, id), add unique (zone_id, application_id);
alter table policy_ledger_entries add primary key (zone_id, id), add unique (zone_id, disbursement_id);
alter table policy_assessments add primary key (zone_id, id);
alter table policy_assessment_versions add primary key (zone_id, assessment_id, version);
alter table risk_pools add primary key (zone_id, id), add unique (zone_id, code);
alter table risk_pool_banks add primary key (zone_id, pool_id, organization_id);
alter table risk_pool_loans add primary key (zone_id, id);
alter table risk_pool_claims add primary key (zone_id, id), add unique (zone_id, loan_id);
alter table risk_pool_movements add primary key (zone_id, id);
alter table voucher_schemes add primary key (zone_id, id), add unique (zone_id, code);
alter table voucher_providers add primary key (zone_id, scheme_id, organization_id);
alter table vouchers add primary key (zone_id, id), add unique (zone_id, code);
alter table talent_programmes add primary key (zone_id, id), add unique (zone_id, code);
alter table talent_teams add primary key (zone_id, id);
alter table talent_team_members add primary key (zone_id, team_id, person_id);
alter table talent_memberships add primary key (zone_id, id), add unique (zone_id, programme_id, person_id);
alter table talent_credits add primary key (zone_id, id), add unique (zone_id, person_id, kind, ref_id);
alter table talent_indicator_values add primary key (zone_id, id), add unique (zone_id, person_id, indicator);
create index policy_programmes_id on policy_programmes (id);
create index policy_programmes_code on policy_programmes (code);
create index policy_notices_id on policy_notices (id);
create index policy_notices_programme on policy_notices (programme_id);
create index policy_applications_id on policy_applications (id);
create index policy_applications_programme on policy_applications (programme_id, organization_id);
create index policy_application_files_id on policy_application_files (id);
create index policy_objections_id on policy_objections (id);
create index policy_ledger_accounts_id on policy_ledger_accounts (id);
create index policy_ledger_accounts_programme on policy_ledger_accounts (programme_id, kind);
create index policy_disbursement_batches_id on policy_disbursement_batches (id);
create index policy_disbursement_batches_key on policy_disbursement_batches (idempotency_key);
create index policy_disbursements_id on policy_disbursements (id);
create index policy_disbursements_application on policy_disbursements (application_id);
create index policy_ledger_entries_id on policy_ledger_entries (id);
create index policy_assessments_id on policy_assessments (id);
create index policy_assessment_versions_assessment on policy_assessment_versions (assessment_id, version);
create index risk_pools_id on risk_pools (id);
create index risk_pool_banks_pool on risk_pool_banks (pool_id, organization_id);
create index risk_pool_loans_id on risk_pool_loans (id);
create index risk_pool_claims_id on risk_pool_claims (id);
create index risk_pool_claims_loan on risk_pool_claims (loan_id);
create index risk_pool_movements_id on risk_pool_movements (id);
create index voucher_schemes_id on voucher_schemes (id);
create index voucher_providers_scheme on voucher_providers (scheme_id, organization_id);
create index vouchers_id on vouchers (id);
create index vouchers_code on vouchers (code);
create index talent_programmes_id on talent_programmes (id);
create index talent_teams_id on talent_teams (id);
create index talent_team_members_team on talent_team_members (team_id);
create index talent_memberships_id on talent_memberships (id);
create index talent_memberships_programme on talent_memberships (programme_id, person_id);
create index talent_credits_id on talent_credits (id);
create index talent_indicator_values_id on talent_indicator_values (id);
create index talent_indicator_values_person on talent_indicator_values (person_id, indicator);

-- intelligence (intel_documents_zone_sha already leads with zone_id) and enterprise registration
alter table intel_documents add primary key (zone_id, id);
alter table intel_facts add primary key (zone_id, id);
alter table intel_policy_proposals add primary key (zone_id, id);
create index intel_documents_id on intel_documents (id);
create index intel_facts_id on intel_facts (id);
create index intel_policy_proposals_id on intel_policy_proposals (id);
-- A ticket is 32 random bytes: its hash is unique in practice across zones; the status page finds it by hash alone.
alter table registration_requests add primary key (zone_id, id), add unique (zone_id, ticket_hash);
create index registration_requests_id on registration_requests (id);
create index registration_requests_ticket on registration_requests (ticket_hash);
-- One open request per enterprise and per desired user name: per zone here, across zones by the registration service
-- (src/accounts/registration.service.ts, under an advisory lock).
create unique index registration_requests_pending_code on registration_requests (zone_id, credit_code) where status = 'pending';
create unique index registration_requests_pending_username on registration_requests (zone_id, username) where status = 'pending';
create index registration_requests_pending_code_any on registration_requests (credit_code) where status = 'pending';
create index registration_requests_pending_username_any on registration_requests (username) where status = 'pending';

-- 5. Foreign keys between zone-owned tables, carrying zone_id. ON UPDATE CASCADE where the parent may move zones
--    (an organisation, and through it its demands, cases, applications …).
alter table qualifications add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table achievements add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table annual_statistics add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table tech_demands add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table tech_offers add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table transfer_cases add foreign key (zone_id, demand_id) references tech_demands (zone_id, id) on update cascade;
alter table transfer_case_stages add foreign key (zone_id, case_id) references transfer_cases (zone_id, id) on update cascade;
alter table transfer_case_notes add foreign key (zone_id, case_id) references transfer_cases (zone_id, id) on update cascade;
alter table transfer_case_files add foreign key (zone_id, case_id) references transfer_cases (zone_id, id) on update cascade;
alter table transfer_challenge_demands add foreign key (zone_id, challenge_id) references transfer_challenges (zone_id, id) on update cascade;
alter table transfer_challenge_proposals add foreign key (zone_id, challenge_id) references transfer_challenges (zone_id, id) on update cascade;
alter table transfer_proposal_scores add foreign key (zone_id, proposal_id) references transfer_challenge_proposals (zone_id, id) on update cascade;

alter table policy_notices add foreign key (zone_id, programme_id) references policy_programmes (zone_id, id) on update cascade;
alter table policy_applications add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table policy_application_files add foreign key (zone_id, application_id) references policy_applications (zone_id, id) on update cascade;
alter table policy_objections add foreign key (zone_id, application_id) references policy_applications (zone_id, id) on update cascade;
alter table policy_ledger_accounts add foreign key (zone_id, programme_id) references policy_programmes (zone_id, id) on update cascade;
alter table policy_disbursement_batches add foreign key (zone_id, programme_id) references policy_programmes (zone_id, id) on update cascade;
-- Two keys from a payment to its application, in this order: the first moves the payment with its application's zone;
-- the second (checked after the first has cascaded) names the application's status and amount, so that a payment of a
-- non-approved application cannot be inserted and a paid application cannot be rejected or have its amount changed.
alter table policy_disbursements add constraint policy_disbursements_application_zone
  foreign key (zone_id, application_id) references policy_applications (zone_id, id) on update cascade;
alter table policy_disbursements add constraint policy_disbursements_application_approved
  foreign key (zone_id, application_id, programme_id, organization_id, application_status, amount_fen)
  references policy_applications (zone_id, id, programme_id, organization_id, status, approved_fen);
-- The journal is append-only: a programme with entries keeps its zone (no cascade).
alter table policy_ledger_entries add foreign key (zone_id, programme_id) references policy_programmes (zone_id, id);
alter table policy_ledger_entries add foreign key (zone_id, debit_account_id, programme_id) references policy_ledger_accounts (zone_id, id, programme_id);
alter table policy_ledger_entries add foreign key (zone_id, credit_account_id, programme_id) references policy_ledger_accounts (zone_id, id, programme_id);
alter table policy_assessments add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;
alter table policy_assessment_versions add foreign key (zone_id, assessment_id) references policy_assessments (zone_id, id) on update cascade on delete cascade;

alter table risk_pool_banks add foreign key (zone_id, pool_id) references risk_pools (zone_id, id) on update cascade;
alter table risk_pool_loans add foreign key (zone_id, pool_id) references risk_pools (zone_id, id) on update cascade;
alter table risk_pool_claims add foreign key (zone_id, pool_id) references risk_pools (zone_id, id) on update cascade;
alter table risk_pool_claims add foreign key (zone_id, loan_id) references risk_pool_loans (zone_id, id) on update cascade;
alter table risk_pool_movements add foreign key (zone_id, pool_id) references risk_pools (zone_id, id) on update cascade;
alter table risk_pool_movements add foreign key (zone_id, claim_id) references risk_pool_claims (zone_id, id) on update cascade;
alter table voucher_providers add foreign key (zone_id, scheme_id) references voucher_schemes (zone_id, id) on update cascade;
alter table vouchers add foreign key (zone_id, scheme_id) references voucher_schemes (zone_id, id) on update cascade;
alter table talent_team_members add foreign key (zone_id, team_id) references talent_teams (zone_id, id) on update cascade;
alter table talent_memberships add foreign key (zone_id, programme_id) references talent_programmes (zone_id, id) on update cascade;
alter table talent_credits add foreign key (zone_id, person_id) references people (zone_id, id) on update cascade;
alter table talent_indicator_values add foreign key (zone_id, person_id) references people (zone_id, id) on update cascade;

alter table intel_facts add foreign key (zone_id, document_id) references intel_documents (zone_id, id) on update cascade on delete cascade;
alter table intel_policy_proposals add foreign key (zone_id, document_id) references intel_documents (zone_id, id) on update cascade on delete cascade;
alter table registration_requests add foreign key (zone_id, organization_id) references organizations (zone_id, id) on update cascade;

-- 6. Relations that cross zones, kept by the application where the row is written (the foreign key by id alone is
--    gone, and with Citus none can point across shards):
--    users.organization_id (users is a reference table: src/accounts/users.service.ts checks the organisation);
--    people.organization_id, projects.lead_organization_id, tech_offers.achievement_id (a person, a project, an offer
--      of its own zone may name a record of another: checkReferences in src/shared/records/record-service.ts);
--    transfer_cases.offer_id (an offer of a partner zone) and agency_id; transfer_challenge_demands.demand_id and
--      transfer_challenge_proposals.demand_id, organization_id, offer_id, case_id (a challenge gathers demands and
--      proposers from anywhere) — src/transfer/workflow;
--    policy_applications.programme_id and notice_id (an organisation applies to a programme of a zone above its own),
--      policy_ledger_accounts.organization_id, policy_disbursements.batch_id, policy_ledger_entries.disbursement_id,
--      policy_programmes.source_proposal_id — src/policy/programmes;
--    risk_pool_banks.organization_id, risk_pool_loans.bank_org_id and borrower_org_id, voucher_providers.organization_id,
--      vouchers.organization_id and provider_org_id, talent_teams.programme_id and leader_person_id,
--      talent_team_members.person_id, talent_memberships.person_id — src/policy/funds, src/policy/talent;
--    intel_facts.zone_fact_id (the fact's zone fact is in the subject's zone) and merged_into — src/intelligence.
--    Records of these tables are retired, never deleted, so a checked reference stays valid.
