package no.varde.shared.security;

/** Implemented by every authenticated principal Varde creates (local account, OpenID Connect). */
public interface VardePrincipal {

    VardeUser vardeUser();
}
