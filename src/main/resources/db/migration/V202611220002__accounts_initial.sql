-- Accounts: local users (password) and users that sign in with OpenID Connect (subject).

create table user_account (
    id                 uuid primary key,
    username           text not null unique check (username ~ '^[a-z0-9._@-]{2,64}$'),
    display_name       text not null,
    password_hash      text,
    oidc_subject       text unique,
    role               text not null check (role in ('OPERATOR', 'HOME_CARE', 'MUNICIPAL_ADMIN', 'REGION_ANALYST', 'SYSTEM_ADMIN')),
    kommunenummer      char(4) references municipality (kommunenummer),
    response_centre_id uuid references response_centre (id),
    enabled            boolean not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check (role not in ('HOME_CARE', 'MUNICIPAL_ADMIN') or kommunenummer is not null),
    check (role <> 'OPERATOR' or response_centre_id is not null)
);
