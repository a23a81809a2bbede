/**
 * Fleet supervision: reporting intervals per device, lost contact, technical alarms handled by rules, technician tasks
 * (work orders) and their escalation through the dispatch outbox, storms grouped into incidents.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit", "dispatch", "dispatch :: sms"})
package no.varde.fleet;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
