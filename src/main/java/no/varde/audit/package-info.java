/** The append-only access log of personal data: who read or changed which resident's data, when and why. */
@NullMarked
@ApplicationModule(allowedDependencies = "shared")
package no.varde.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
