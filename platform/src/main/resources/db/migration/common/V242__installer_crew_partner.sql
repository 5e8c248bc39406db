-- A crew of two is one installer record (crew_size 2); the second person's own record, when the provider keeps one,
-- is what the lead's app shows as the crew partner.
alter table installer add column crew_partner_id bigint;
alter table installer add constraint fk_installer_crew_partner foreign key (crew_partner_id) references installer (id);
