/** User accounts, sign-in (local passwords, OpenID Connect) and the web security of the application. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry"})
package no.varde.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
