/** Protocol adapters that turn bytes from devices into alarms, durably: committed before acknowledged. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit"})
package no.varde.ingest;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
