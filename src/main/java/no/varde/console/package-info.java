/** The operator console: live alarm queue (SSE), alarm page with resident card and actions, wallboard, admin pages. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit"})
package no.varde.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
