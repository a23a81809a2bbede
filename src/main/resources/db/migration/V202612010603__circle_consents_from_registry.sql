-- Consent to SMS is a record of its own (who entered it, when, who withdrew it, how), kept in relative_consent.
-- The registry's old tick box (relative.sms_consent) recorded neither who nor when. Every ticked relative becomes
-- a consent record entered by the registry before consent records existed, at the time of this migration, so no
-- relative who could get SMS before loses it; then the tick box goes, so there is one place that decides.
insert into relative_consent (id, resident_id, phone, relative_name, granted_by, granted_at)
select gen_random_uuid(), r.resident_id, replace(r.phone, ' ', ''), r.name,
       'registry tick box (before consent records)', now()
from relative r
where r.sms_consent
on conflict (resident_id, phone) where withdrawn_at is null do nothing;

alter table relative drop column sms_consent;
