package no.varde.console.web;

import java.util.ArrayList;
import java.util.List;
import no.varde.registry.Relative;
import no.varde.registry.Resident;
import org.jspecify.annotations.Nullable;

/**
 * Someone the operator can call about an alarm (issue 11, item 6): the resident on each of their numbers, then each
 * relative in contact order. A call button is a {@code tel:} link that also opens the call log filled in with the
 * name and number, so the operator only has to say how the call went.
 *
 * @param kind RESIDENT_PHONE, RESIDENT_MOBILE or RELATIVE (the label's message key, {@code console.callKind.*})
 * @param order the relative's place in the contact order (0 for the resident)
 */
public record CallTarget(
        String name,
        String number,
        String kind,
        int order,
        @Nullable String relation) {

    static List<CallTarget> of(Resident resident) {
        List<CallTarget> targets = new ArrayList<>();
        if (resident.phone() != null && !resident.phone().isBlank()) {
            targets.add(new CallTarget(resident.fullName(), resident.phone(), "RESIDENT_PHONE", 0, null));
        }
        if (resident.mobilePhone() != null
                && !resident.mobilePhone().isBlank()
                && !resident.mobilePhone().equals(resident.phone())) {
            targets.add(new CallTarget(resident.fullName(), resident.mobilePhone(), "RESIDENT_MOBILE", 0, null));
        }
        for (Relative relative : resident.relatives()) {
            targets.add(new CallTarget(
                    relative.name(), relative.phone(), "RELATIVE", relative.priority(), relative.relation()));
        }
        return List.copyOf(targets);
    }
}
