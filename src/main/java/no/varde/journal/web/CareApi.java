package no.varde.journal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import no.varde.alarm.AlarmId;
import no.varde.journal.CareInformation;
import no.varde.journal.CareSummary;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Care information from the EPJ: for operators and home care of the resident's municipality, never analysts. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Care information from the EPJ")
@PreAuthorize(CareApi.CARE_READERS)
class CareApi {

    static final String CARE_READERS = "hasAnyRole('OPERATOR', 'HOME_CARE')";

    private final CareInformation care;

    CareApi(CareInformation care) {
        this.care = care;
    }

    @GetMapping("/residents/{id}/care")
    @Operation(summary = "The resident's visit plan (next and last visit), services and flags from the EPJ")
    CareSummary resident(@PathVariable ResidentId id) {
        return care.ofResident(CurrentUser.get(), id);
    }

    @GetMapping("/alarms/{id}/care")
    @Operation(summary = "The care information of the alarm's resident (404 when the alarm has no resident)")
    CareSummary alarm(@PathVariable AlarmId id) {
        return care.ofAlarm(CurrentUser.get(), id).orElseThrow(() -> new NotFoundException("resident of alarm", id));
    }
}
