/** Classification, priority, lifecycle, deadlines and escalation of alarms; the timeline is the record. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "audit"})
package no.varde.alarm;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
