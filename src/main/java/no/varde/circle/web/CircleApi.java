package no.varde.circle.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import no.varde.alarm.AlarmId;
import no.varde.circle.CircleRefused;
import no.varde.circle.CircleRelative;
import no.varde.circle.Consent;
import no.varde.circle.ConsentRecords;
import no.varde.circle.NotifyCommand;
import no.varde.circle.RelativeNotifications;
import no.varde.circle.RelativeRounds;
import no.varde.circle.SmsTemplate;
import no.varde.circle.SmsTemplateEditor;
import no.varde.circle.SmsTemplates;
import no.varde.shared.ResidentId;
import no.varde.shared.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The circle's REST API: relatives of an alarm and SMS to them; consent and contact windows; templates. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Relatives (the resident's circle)")
class CircleApi {

    private final RelativeNotifications notifications;
    private final ConsentRecords consents;
    private final SmsTemplates templates;
    private final SmsTemplateEditor editor;
    private final no.varde.circle.FrequentAlarms frequent;

    CircleApi(
            RelativeNotifications notifications,
            ConsentRecords consents,
            SmsTemplates templates,
            SmsTemplateEditor editor,
            no.varde.circle.FrequentAlarms frequent) {
        this.frequent = frequent;
        this.notifications = notifications;
        this.consents = consents;
        this.templates = templates;
        this.editor = editor;
    }

    record RelativeView(
            int priority,
            String name,
            @Nullable String relation,
            String phone,
            boolean smsConsent,
            @Nullable String consentRecordedBy,
            @Nullable Instant consentRecordedAt,
            @Nullable String doNotContact,
            boolean insideDoNotContactNow) {

        static RelativeView of(CircleRelative r) {
            return new RelativeView(
                    r.priority(),
                    r.name(),
                    r.relation(),
                    r.phone(),
                    r.maySms(),
                    r.consent() == null ? null : r.consent().grantedBy(),
                    r.consent() == null ? null : r.consent().grantedAt(),
                    r.window() == null
                            ? null
                            : r.window().notFrom() + "-" + r.window().notUntil(),
                    r.windowNow());
        }
    }

    record MessageView(
            String id,
            int position,
            String relative,
            String status,
            @Nullable Instant sentAt,
            @Nullable Instant confirmedAt,
            @Nullable String error) {

        static MessageView of(RelativeRounds.Message m) {
            return new MessageView(
                    m.id().toString(),
                    m.position(),
                    m.relativeName(),
                    m.status(),
                    m.sentAt(),
                    m.confirmedAt(),
                    m.smsError());
        }
    }

    record RoundView(
            String id,
            String template,
            boolean askConfirmation,
            @Nullable Long escalateAfterMinutes,
            String state,
            String createdBy,
            Instant createdAt,
            List<MessageView> messages) {

        static RoundView of(RelativeRounds.Round r) {
            return new RoundView(
                    r.id().toString(),
                    r.templateCode(),
                    r.askConfirmation(),
                    r.escalateAfter() == null ? null : r.escalateAfter().toMinutes(),
                    r.state(),
                    r.createdBy(),
                    r.createdAt(),
                    r.messages().stream().map(MessageView::of).toList());
        }
    }

    record AlarmRelatives(List<RelativeView> relatives, List<RoundView> notifications) {}

    @GetMapping("/alarms/{id}/relatives")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "The alarm's resident's relatives with SMS consent, contact windows and the SMS sent to them")
    AlarmRelatives alarmRelatives(@PathVariable AlarmId id) {
        RelativeNotifications.Panel panel = notifications.panel(CurrentUser.get(), id);
        return new AlarmRelatives(
                panel.relatives().stream().map(RelativeView::of).toList(),
                panel.rounds().stream().map(RoundView::of).toList());
    }

    /**
     * @param relatives priorities of the relatives to notify, in any order (they are notified in priority order)
     * @param escalateAfterMinutes notify one at a time and move on when no confirmation came in this many minutes
     * @param acknowledgeContactWindow the operator saw that a relative is inside a "do not contact" window
     */
    record NotifyBody(
            @Nullable List<Integer> relatives,
            @Nullable String template,
            @Nullable String freeText,
            boolean askConfirmation,
            @Nullable Long escalateAfterMinutes,
            boolean acknowledgeContactWindow) {}

    @PostMapping("/alarms/{id}/relatives/sms")
    @PreAuthorize("hasRole('OPERATOR')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Notify relatives who consented by SMS (409 VARDE-CIRCLE-0002 when one has no consent)")
    RoundView notify(@PathVariable AlarmId id, @RequestBody NotifyBody body) {
        return RoundView.of(notifications.notify(
                CurrentUser.get(),
                id,
                new NotifyCommand(
                        body.relatives() == null ? List.of() : body.relatives(),
                        body.template() == null ? "" : body.template(),
                        body.freeText(),
                        body.askConfirmation(),
                        body.escalateAfterMinutes() == null ? null : Duration.ofMinutes(body.escalateAfterMinutes()),
                        body.acknowledgeContactWindow())));
    }

    record ResidentRelatives(List<RelativeView> relatives, List<Consent> consentHistory) {}

    @GetMapping("/residents/{id}/relatives")
    @PreAuthorize(CirclePages.STAFF)
    @Operation(summary = "A resident's relatives with SMS consent (and its history) and contact windows")
    ResidentRelatives residentRelatives(@PathVariable ResidentId id) {
        return view(consents.circle(CurrentUser.get(), id));
    }

    @PostMapping("/residents/{id}/relatives/{priority}/consent")
    @PreAuthorize(CirclePages.STAFF)
    @Operation(summary = "Record the relative's consent to SMS (who and when are recorded)")
    ResidentRelatives grant(@PathVariable ResidentId id, @PathVariable int priority) {
        return view(consents.grant(CurrentUser.get(), id, priority));
    }

    @DeleteMapping("/residents/{id}/relatives/{priority}/consent")
    @PreAuthorize(CirclePages.STAFF)
    @Operation(summary = "Withdraw the relative's consent to SMS")
    ResidentRelatives withdraw(@PathVariable ResidentId id, @PathVariable int priority) {
        return view(consents.withdraw(CurrentUser.get(), id, priority));
    }

    /** Times as HH:MM; both empty removes the window. */
    record WindowBody(
            @Nullable String notFrom,
            @Nullable String notUntil,
            @Nullable String note) {}

    @PutMapping("/residents/{id}/relatives/{priority}/contact-window")
    @PreAuthorize(CirclePages.STAFF)
    @Operation(summary = "Set the hours the resident does not want this relative contacted (e.g. 23:00-07:00)")
    ResidentRelatives window(@PathVariable ResidentId id, @PathVariable int priority, @RequestBody WindowBody body) {
        LocalTime from = CirclePages.time("notFrom", body.notFrom());
        LocalTime until = CirclePages.time("notUntil", body.notUntil());
        return view(consents.contactWindow(CurrentUser.get(), id, priority, from, until, body.note()));
    }

    @GetMapping("/circle/frequent-alarms")
    @PreAuthorize(CirclePages.STAFF)
    @Operation(summary = "Residents whose alarms in the last 7 days are far above their own usual level")
    List<no.varde.circle.FrequentAlarms.Flagged> frequentAlarms(
            @org.springframework.web.bind.annotation.RequestParam(required = false)
                    no.varde.shared.@Nullable Kommunenummer kommune) {
        return frequent.list(CurrentUser.get(), kommune);
    }

    @GetMapping("/circle/sms-templates")
    @PreAuthorize("hasAnyRole('OPERATOR', 'SYSTEM_ADMIN')")
    @Operation(summary = "The SMS templates for relatives")
    List<SmsTemplate> templates() {
        return templates.all();
    }

    record TemplateBody(
            @Nullable String name,
            @Nullable String body,
            boolean allowFreeText,
            @Nullable Integer position) {}

    @PutMapping("/circle/sms-templates/{code}")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    @Operation(summary = "Create or change an SMS template (placeholders {pårørende} and {beboer} only)")
    SmsTemplate saveTemplate(@PathVariable String code, @RequestBody TemplateBody body) {
        return editor.save(CurrentUser.get(), code, body.name(), body.body(), body.allowFreeText(), body.position());
    }

    private static ResidentRelatives view(ConsentRecords.Circle circle) {
        return new ResidentRelatives(
                circle.relatives().stream().map(RelativeView::of).toList(), circle.history());
    }

    @ExceptionHandler(CircleRefused.class)
    ProblemDetail refused(CircleRefused refused, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Refused");
        problem.setType(URI.create("https://varde.no/problems/" + refused.code()));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", refused.code());
        return problem;
    }
}
