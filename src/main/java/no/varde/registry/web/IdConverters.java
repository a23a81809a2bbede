package no.varde.registry.web;

import no.varde.registry.DeviceId;
import no.varde.registry.ResidentId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Typed ids in paths; a malformed id is a type mismatch (404 on pages, 400 problem details in the API). */
@Configuration(proxyBeanMethods = false)
class IdConverters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, ResidentId.class, ResidentId::of);
        registry.addConverter(String.class, DeviceId.class, DeviceId::of);
    }
}
