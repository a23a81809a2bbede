/** The regional cost model: as-is survey, scenarios of shared costs, the cost split and the decision report. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry"})
package no.varde.economics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
