package no.varde.journal;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpClient;
import no.varde.journal.fhir.VkpValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** One FHIR context and one validator (loading the R4 core definitions takes seconds, so they are shared). */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    FhirContext journalFhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    @Lazy
    VkpValidator vkpValidator(FhirContext journalFhirContext) {
        return new VkpValidator(journalFhirContext);
    }

    @Bean
    HttpClient journalHttpClient(JournalProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
