-- Alarm: classification table (data), alarms with their lifecycle, and the timeline that is the record.

-- How an incoming event code becomes an alarm. Canonical types are VKP alert codes; the table is data that
-- admins can read, and that later adapters (SCAIP, SIA DC-09) extend with their own source codes.
create table alarm_type_mapping (
    source           text not null,              -- 'HTTP', 'SCAIP', 'SIA'
    code             text not null,              -- the sender's event code, upper case
    category         text not null check (category in ('ALARM', 'TECHNICAL', 'INFO')),
    vkp_alert_code   text not null,
    title_nb         text not null,
    title_en         text not null,
    priority         integer not null check (priority between 1 and 5),
    claim_deadline_s integer not null check (claim_deadline_s > 0),
    primary key (source, code)
);

insert into alarm_type_mapping values
    ('HTTP', 'BUTTON_PRESSED',        'ALARM',     '3',    'Trygghetsalarm: knappetrykk',  'Safety alarm: button pressed',   2, 60),
    ('HTTP', 'PULL_CORD',             'ALARM',     '4.14', 'Snortrekk',                    'Pull cord',                      2, 60),
    ('HTTP', 'FALL',                  'ALARM',     '4.1',  'Fall',                         'Fall',                           1, 60),
    ('HTTP', 'FIRE',                  'ALARM',     '4.11', 'Brannalarm',                   'Fire alarm',                     1, 30),
    ('HTTP', 'WATER',                 'ALARM',     '4.17', 'Vannalarm',                    'Water alarm',                    2, 60),
    ('HTTP', 'LEFT_HOME',             'ALARM',     '4.21', 'Forlatt bolig',                'Left home',                      2, 60),
    ('HTTP', 'LEFT_BED',              'ALARM',     '4.2',  'Forlatt sengen',               'Left bed',                       3, 60),
    ('HTTP', 'DOOR_OPENED',           'ALARM',     '4.15', 'Dør åpnet',                    'Door opened',                    3, 60),
    ('HTTP', 'INACTIVITY',            'ALARM',     '4.9',  'Inaktivitet',                  'Inactivity',                     2, 60),
    ('HTTP', 'EPILEPSY',              'ALARM',     '4.24', 'Epilepsi',                     'Epilepsy',                       1, 60),
    ('HTTP', 'GEOFENCE_EXIT',         'ALARM',     '2',    'Lokalisering: utenfor sone',   'Location: left safe zone',       2, 60),
    ('HTTP', 'MEDICATION_NOT_TAKEN',  'ALARM',     '1.1',  'Medisin ikke utlevert',        'Medication not taken',           3, 120),
    ('HTTP', 'MEDICATION_MISSING',    'ALARM',     '1.13', 'Tomt for medisin',             'Out of medication',              3, 120),
    ('HTTP', 'BATTERY_LOW',           'TECHNICAL', '1.17', 'Batteri lavt',                 'Battery low',                    4, 3600),
    ('HTTP', 'BATTERY_EMPTY',         'TECHNICAL', '1.18', 'Batteri tomt',                 'Battery empty',                  3, 900),
    ('HTTP', 'POWER_LOSS',            'TECHNICAL', '1.19', 'Ikke tilkoblet strøm',         'Power loss',                     3, 900),
    ('HTTP', 'LOST_CONTACT',          'TECHNICAL', '1.20', 'Ingen kontakt',                'Lost contact',                   3, 900),
    ('HTTP', 'DEVICE_FAULT',          'TECHNICAL', '1.5',  'Teknisk feil',                 'Device fault',                   4, 3600),
    ('HTTP', 'TEST',                  'INFO',      '3',    'Testmelding',                  'Test transmission',              5, 86400),
    ('HTTP', 'RESET',                 'INFO',      '3',    'Tilbakestilling',              'Reset',                          5, 86400),
    ('HTTP', 'HEARTBEAT',             'INFO',      '3',    'Livstegn',                     'Heartbeat',                      5, 86400);

create table alarm (
    id               uuid primary key,
    category         text not null check (category in ('ALARM', 'TECHNICAL', 'INFO')),
    source           text not null,
    source_code      text not null,
    vkp_alert_code   text not null,
    title            text not null,
    priority         integer not null check (priority between 1 and 5),
    state            text not null check (state in ('RECEIVED', 'IN_PROGRESS', 'DISPATCHED', 'DISPATCH_ACCEPTED', 'CLOSED')),
    kommunenummer    char(4),
    resident_id      uuid,
    device_id        uuid,
    device_label     text,
    flags            text[] not null default '{}',
    repeat_of        uuid references alarm (id),
    occurred_at      timestamptz not null,
    received_at      timestamptz not null,
    claim_deadline   timestamptz not null,
    claimed_by       text,
    claimed_at       timestamptz,
    escalation_level integer not null default 0,
    escalated_at     timestamptz,
    dispatch_deadline timestamptz,
    outcome          text,
    closed_at        timestamptz,
    details          jsonb not null default '{}',
    version          integer not null default 0
);
create index alarm_open_queue on alarm (priority, received_at) where state <> 'CLOSED';
create index alarm_resident_recent on alarm (resident_id, received_at desc);
create index alarm_claim_deadline on alarm (claim_deadline) where state = 'RECEIVED';
create index alarm_dispatch_deadline on alarm (dispatch_deadline) where state = 'DISPATCHED';
create index alarm_received on alarm (received_at desc);

-- Every state change and every action: the alarm's record, with time and actor. Never updated.
create table alarm_timeline (
    id          bigint generated always as identity primary key,
    alarm_id    uuid not null references alarm (id),
    at          timestamptz not null,
    kind        text not null,
    vkp_event   integer,
    actor       text not null,
    actor_role  text,
    text        text,
    data        jsonb not null default '{}'
);
create index alarm_timeline_alarm on alarm_timeline (alarm_id, id);

create function alarm_timeline_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'VARDE-ALARM-0001: the alarm timeline is append-only (% refused)', tg_op;
end;
$$;
create trigger alarm_timeline_no_change before update or delete on alarm_timeline
    for each row execute function alarm_timeline_is_append_only();
