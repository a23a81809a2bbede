/** Account pages and the account REST API; internal to the accounts module. */
@NullMarked
package no.varde.accounts.web;

import org.jspecify.annotations.NullMarked;
