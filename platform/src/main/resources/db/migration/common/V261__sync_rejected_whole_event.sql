-- A rejected offline event (the job was reassigned meanwhile) is kept for review with its whole content: position,
-- note, photos, serial numbers and exception reason (never the completion code). That no longer fits 2,000 characters.
alter table job_review modify column detail mediumtext not null;
