-- Complaints and rework visits credited per installer; a provider's rating is derived from its installers' ratings.
alter table installer add column complaint_count int not null default 0;
alter table installer add column rework_count int not null default 0;
alter table service_provider drop column rating;
