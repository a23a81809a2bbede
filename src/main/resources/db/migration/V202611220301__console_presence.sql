-- Console: which operators have a live console open, on which node. Each node refreshes its own rows every
-- 15 seconds while a console stream is connected; a row older than a minute means the operator is gone.
create table console_presence (
    node_id          text not null,
    username         text not null,
    display_name     text not null,
    connected_since  timestamptz not null default now(),
    last_seen        timestamptz not null default now(),
    primary key (node_id, username)
);
create index console_presence_seen on console_presence (last_seen desc);
