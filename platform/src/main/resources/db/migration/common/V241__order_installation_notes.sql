-- The brand's optional notes for the installer, shown as the job's special notes on the route.
alter table service_order add column installation_notes varchar(1000);
