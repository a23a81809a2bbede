package no.varde.audit.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import no.varde.audit.AuditEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * One audit line as a person reads it: the stored values (kept in English, as written and sealed) with labels in
 * the reader's language, and the resident's name where the reader may see it.
 *
 * @param residentName null when the line concerns no resident, or one the reader may not see (moved to another
 *     municipality)
 * @param channelDetail the method and path of a page or API call, empty for the system's own work
 */
record AuditRow(
        AuditEvent event,
        @Nullable String residentName,
        String actionLabel,
        String roleLabel,
        String channelLabel,
        String channelDetail,
        String purposeLabel) {

    static AuditRow of(AuditEvent e, Map<UUID, String> names, MessageSource messages, Locale locale) {
        String channel = e.channel();
        int space = channel.indexOf(' ');
        String kind = space < 0 ? channel : channel.substring(0, space);
        String detail = space < 0 ? "" : channel.substring(space + 1);
        return new AuditRow(
                e,
                e.residentId() == null ? null : names.get(e.residentId()),
                label(messages, "audit.action." + e.action().name(), e.action().name(), locale),
                label(messages, "role." + e.role(), e.role(), locale),
                label(messages, "audit.channel." + kind.toLowerCase(Locale.ROOT), kind, locale),
                detail,
                label(messages, "audit.purpose." + e.purpose().replace(' ', '-'), e.purpose(), locale));
    }

    /** The label for a stored value, or the value itself for one the bundles do not know (older or newer lines). */
    private static String label(MessageSource messages, String key, String value, Locale locale) {
        String label = messages.getMessage(key, null, null, locale);
        return label == null ? value : label;
    }
}
