package no.varde.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Norwegian bokmål by default; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale BOKMAAL = Locale.forLanguageTag("nb");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("varde-lang");
        resolver.setDefaultLocale(BOKMAAL);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Typed ids ({@link no.varde.shared.TypedId}) in paths and parameters, for every module. Dates in parameters
     * are ISO dates within years 1900–9999: PostgreSQL cannot hold every date Java can parse
     * ({@code -4713-01-01}, {@code +294277-01-01}), and no Varde record lies outside those years anyway.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new TypedIdConverter());
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) {
                LocalDate date = LocalDate.parse(text.strip());
                if (date.getYear() < 1900 || date.getYear() > 9999) {
                    throw new IllegalArgumentException("a date between 1900-01-01 and 9999-12-31");
                }
                return date;
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return date.toString();
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }
}
