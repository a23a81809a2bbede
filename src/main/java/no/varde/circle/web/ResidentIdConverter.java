package no.varde.circle.web;

import java.util.UUID;
import no.varde.shared.ResidentId;
import no.varde.shared.web.InvalidInputException;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Binds {@code ResidentId} path variables of the circle's pages and API (a bad id is a 400 naming the field). */
@Configuration(proxyBeanMethods = false)
class ResidentIdConverter implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ResidentId.class, ResidentIdConverter::parse);
    }

    static ResidentId parse(String text) {
        try {
            return new ResidentId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "not a resident id (UUID): " + text);
        }
    }
}
