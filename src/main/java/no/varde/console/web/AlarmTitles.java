package no.varde.console.web;

import java.util.Locale;
import no.varde.alarm.Alarm;
import no.varde.alarm.AlarmTypeMappings;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An alarm's title in the page's language (issue 11): the stored title is the Norwegian one of its type; in English
 * the type's English title, as the queue already shows it.
 */
@Component
class AlarmTitles {

    private final AlarmTypeMappings mappings;

    AlarmTitles(AlarmTypeMappings mappings) {
        this.mappings = mappings;
    }

    String of(Alarm alarm) {
        return of(alarm, LocaleContextHolder.getLocale());
    }

    String of(Alarm alarm, Locale locale) {
        if (!"en".equals(locale.getLanguage())) {
            return alarm.title();
        }
        return english(alarm.source(), alarm.sourceCode(), alarm.title());
    }

    /** The title of the type a device's code names, in the page's language; the stored (Norwegian) one otherwise. */
    String of(String source, String sourceCode, String stored) {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage()) ? english(source, sourceCode, stored) : stored;
    }

    private String english(String source, String sourceCode, String stored) {
        return mappings.all().stream()
                .filter(m ->
                        String.valueOf(m.source()).equals(source) && m.code().equals(sourceCode))
                .map(m -> m.titleEn())
                .findFirst()
                .orElse(stored);
    }
}
