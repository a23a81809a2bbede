/** The demo's simulated vendor platform reporting demo devices (development setup only). */
@NullMarked
package no.varde.fleet.demo;

import org.jspecify.annotations.NullMarked;
