/** Demo accounts for the development setup. */
@NullMarked
package no.varde.accounts.demo;

import org.jspecify.annotations.NullMarked;
