-- Device credentials for the protocol receivers, set by an admin and never shown again.

-- SIP digest credentials of a SCAIP controller: only the digest HA1 = MD5(username:realm:password) is kept.
create table scaip_credential (
    controller_id text primary key,
    username      text not null,
    realm         text not null,
    ha1           text not null check (ha1 ~ '^[0-9a-f]{32}$'),
    set_at        timestamptz not null,
    set_by        text not null
);

-- AES key of a DC-09 account, encrypted at rest like national ids (AES-256-GCM with the personal-data key).
create table dc09_account_key (
    account       text primary key check (account = upper(account)),
    key_encrypted bytea not null,
    key_bits      integer not null check (key_bits in (128, 192, 256)),
    set_at        timestamptz not null,
    set_by        text not null
);

-- When a device last raised a technical alarm for failed authentication or decryption: at most one per interval,
-- whichever node receives it.
create table protocol_alert (
    source         text not null,
    sender         text not null,
    last_raised_at timestamptz not null,
    primary key (source, sender)
);
