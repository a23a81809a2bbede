/** Benefits (gevinster) measured from operations: operational facts, the benefit plan and realised vs planned. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "economics"})
package no.varde.benefits;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
