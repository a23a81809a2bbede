-- Delivery reports of the HTTP SMS gateway: a message can be reported delivered to the phone (or undeliverable).
alter table sms_message drop constraint sms_message_status_check;
alter table sms_message add constraint sms_message_status_check
    check (status in ('PENDING', 'SENT', 'OUTBOX', 'DELIVERED', 'FAILED'));
alter table sms_message add column delivered_at timestamptz;
