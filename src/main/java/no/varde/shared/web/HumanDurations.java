package no.varde.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Durations as people say them (issue 11): "24 t" / "24 h", "5 min", "1 t 30 min", "45 s", never "86400 s".
 * Templates reach it as {@code @durations}.
 */
@Component("durations")
public class HumanDurations {

    public String of(long seconds) {
        return of(seconds, LocaleContextHolder.getLocale());
    }

    public static String of(long seconds, Locale locale) {
        if (seconds <= 0) {
            return "0 s";
        }
        String hourUnit = "en".equals(locale.getLanguage()) ? "h" : "t";
        long hours = seconds / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        List<String> parts = new ArrayList<>();
        if (hours > 0) {
            parts.add(hours + " " + hourUnit);
        }
        if (minutes > 0) {
            parts.add(minutes + " min");
        }
        if (rest > 0) {
            parts.add(rest + " s");
        }
        return String.join(" ", parts);
    }
}
