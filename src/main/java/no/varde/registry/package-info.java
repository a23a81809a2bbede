/** The region's municipalities, response centres, home-care teams, residents and their devices. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package no.varde.registry;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
