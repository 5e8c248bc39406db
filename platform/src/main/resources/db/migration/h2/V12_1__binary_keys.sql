-- H2 compares identifiers case-sensitively already; this version keeps both vendors' histories aligned.
select 1;
