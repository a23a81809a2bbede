/** Fleet supervision: reporting intervals per device, lost contact, technical alarms handled by rules,
 * storms grouped into incidents. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit", "dispatch :: sms"})
package no.varde.fleet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
