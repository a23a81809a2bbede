/** VKP FHIR documents of handled alarms and their reliable delivery into each municipality's patient record. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit"})
package no.varde.journal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
