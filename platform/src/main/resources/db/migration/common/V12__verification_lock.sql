-- When the last wrong completion code was entered: every fifth in a row locks completion for an hour.
alter table service_order add column last_verification_failure_at datetime(6);
