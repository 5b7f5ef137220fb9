-- Attempts counted per key in a fixed window that starts with the key's first attempt, shared by every instance on
-- this database (the sign-in limits: src/shared/http/shared-window-limit.ts). Not zone-owned: a key is an address,
-- or an address and a user name. Rows whose window started more than an hour ago are deleted by the instances.
create table rate_limit_windows (
  key text primary key,
  window_start timestamptz not null,
  hits integer not null
);
create index rate_limit_windows_start on rate_limit_windows (window_start);
