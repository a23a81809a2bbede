package no.varde.dispatch.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.dispatch.DispatchProperties;
import no.varde.dispatch.sms.SmsMessage;
import no.varde.dispatch.sms.SmsMessages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Outgoing messages with their status. In the default (outbox) mode nothing is sent and the call-out links are
 * clickable here, for demonstration; with a real gateway the link tokens are hidden, since a link is a credential.
 */
@Controller
class OutboxPage {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/u/[A-Za-z0-9_-]+");

    private final SmsMessages messages;
    private final AuditLog audit;
    private final DispatchProperties properties;

    OutboxPage(SmsMessages messages, AuditLog audit, DispatchProperties properties) {
        this.messages = messages;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/outbox")
    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'OPERATOR')")
    @Transactional
    String outbox(Model model) {
        boolean demo = properties.sms().mode() == DispatchProperties.Mode.OUTBOX;
        List<Row> rows = messages.recent(200).stream().map(m -> row(m, demo)).toList();
        // the texts carry residents' addresses
        audit.general(AuditAction.READ, null, "outbox: " + rows.size() + " outgoing messages shown");
        model.addAttribute("rows", rows);
        model.addAttribute("outboxMode", demo);
        return "dispatch/outbox";
    }

    static Row row(SmsMessage message, boolean showLinks) {
        Matcher matcher = LINK.matcher(message.text());
        if (!matcher.find()) {
            return new Row(message, message.text(), null, "");
        }
        String before = message.text().substring(0, matcher.start());
        String after = message.text().substring(matcher.end());
        if (!showLinks) {
            String masked = matcher.group().replaceAll("/u/[A-Za-z0-9_-]+$", "/u/…");
            return new Row(message, before + masked + after, null, "");
        }
        return new Row(message, before, matcher.group(), after);
    }

    /** A message with its link cut out so the page can make it clickable. */
    record Row(SmsMessage message, String before, @Nullable String link, String after) {}
}
