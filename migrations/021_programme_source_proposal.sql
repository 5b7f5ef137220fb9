-- A programme defined from a policy measure found in a document (src/intelligence): the accepted proposal it came
-- from, so the programme names the document and the quote it rests on.
alter table policy_programmes add column source_proposal_id bigint references intel_policy_proposals(id);
create index policy_programmes_source_proposal on policy_programmes(source_proposal_id) where source_proposal_id is not null;
