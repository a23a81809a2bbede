/**
 * The resident's circle: relatives notified by SMS with recorded consent (templates, contact windows, delivery
 * status, signed confirmation and withdrawal links, escalation down the list).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "registry", "alarm", "audit", "dispatch", "dispatch :: sms"})
package no.varde.circle;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
