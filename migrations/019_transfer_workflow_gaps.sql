-- Transfer workflow gaps (issue 14): challenge prizes and reported agreements, and who runs a brokerage case.
-- Money is integer fen (分); contract amounts on cases stay numeric 10k yuan, as before.

-- An innovation challenge's prize money, and the agreements its organiser reports as signed at it outside the
-- platform's cases (e.g. 249 agreements for 228 million yuan at the China Innovation Challenge (Gansu)).
alter table transfer_challenges add column prize_amount_fen bigint check (prize_amount_fen >= 0);
alter table transfer_challenges add column agreements_reported integer check (agreements_reported >= 0);
alter table transfer_challenges add column agreement_amount_reported_fen bigint check (agreement_amount_reported_fen >= 0);

-- The broker (a user) and the agency (a technology-transfer organisation) running a case.
alter table transfer_cases add column broker_user_id bigint references users(id);
alter table transfer_cases add column agency_id bigint references organizations(id);
update transfer_cases set broker_user_id = opened_by where broker_user_id is null;
create index transfer_cases_broker on transfer_cases(broker_user_id);
create index transfer_cases_agency on transfer_cases(agency_id);
create index transfer_cases_challenge on transfer_cases(challenge_id);
