-- Where a status change came from: the review workflow, or a file import (a broker bringing in another platform's
-- listings with their status). Imports now log their status changes too, so an item's history is complete.
alter table transfer_status_events add column via text not null default 'workflow' check (via in ('workflow', 'import'));
