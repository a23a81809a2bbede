/** Value types, security principal, web and database infrastructure shared by every module. */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package no.varde.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
