/** Home-care call-out (utrykning): notification, the signed mobile page, the escalation chain and SMS. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit"})
package no.varde.dispatch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
