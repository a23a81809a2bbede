/** Staffing of the response centre (Erlang C/A per hour of the week) and demand forecasts to 2050. */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "economics"})
package no.varde.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
