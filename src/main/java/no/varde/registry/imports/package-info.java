/** CSV imports into the registry: every bad row is reported by line and column, and nothing is imported. */
@NamedInterface("imports")
@NullMarked
package no.varde.registry.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
