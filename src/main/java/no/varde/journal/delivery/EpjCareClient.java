package no.varde.journal.delivery;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import no.varde.journal.JournalEndpoint;
import no.varde.journal.JournalProperties;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads a patient's care plans and flags from the municipality's EPJ through VKP with HAPI FHIR's generic client:
 * FHIR base {@code {base}/{orgnr}}, {@code GET CarePlan?subject=Patient/{epj id}} and {@code GET
 * Flag?subject=Patient/{epj id}}, with a HelseID token of the same {@code private_key_jwt} client as delivery and
 * the read scope. A server that does not offer Flag is read as "no flags".
 */
@Component
public class EpjCareClient {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EpjCareClient.class);

    /** The most pages of one search read for the card (at a server's usual 20–50 per page, hundreds of plans). */
    static final int MAX_PAGES = 20;

    /** The EPJ, VKP or HelseID could not be asked or did not answer; the reason is for the operator. */
    public static final class EpjUnavailable extends RuntimeException {
        EpjUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record EpjCare(List<CarePlan> carePlans, List<Flag> flags) {}

    private final FhirContext fhir;
    private final HelseIdTokens tokens;

    EpjCareClient(HelseIdTokens tokens, JournalProperties properties) {
        this.tokens = tokens;
        this.fhir = FhirContext.forR4();
        this.fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        int millis = (int) properties.timeout().toMillis();
        this.fhir.getRestfulClientFactory().setConnectTimeout(millis);
        this.fhir.getRestfulClientFactory().setSocketTimeout(millis);
        this.fhir.getRestfulClientFactory().setConnectionRequestTimeout(millis);
    }

    public EpjCare fetch(JournalEndpoint endpoint, String readScope, String epjId) {
        JournalEndpoint reader = new JournalEndpoint(
                endpoint.kommunenummer(),
                endpoint.enabled(),
                endpoint.baseUrl(),
                endpoint.organisationNumber(),
                endpoint.clientId(),
                endpoint.tokenEndpoint(),
                endpoint.privateKey(),
                readScope);
        try {
            IGenericClient client = fhir.newRestfulGenericClient(base(endpoint));
            client.registerInterceptor(new BearerTokenAuthInterceptor(tokens.token(reader)));
            String patient = "Patient/" + epjId;
            Bundle plans = client.search()
                    .forResource(CarePlan.class)
                    .where(CarePlan.SUBJECT.hasId(patient))
                    .returnBundle(Bundle.class)
                    .execute();
            return new EpjCare(all(client, plans, CarePlan.class), flags(client, patient));
        } catch (HelseIdTokens.TokenUnavailable e) {
            throw new EpjUnavailable("VARDE-JOURNAL-0030: no HelseID token for reading: " + e.getMessage(), e);
        } catch (FhirClientConnectionException e) {
            throw new EpjUnavailable("VARDE-JOURNAL-0031: the EPJ (VKP) cannot be reached: " + e.getMessage(), e);
        } catch (BaseServerResponseException e) {
            throw new EpjUnavailable(
                    "VARDE-JOURNAL-0032: the EPJ (VKP) answered " + e.getStatusCode() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new EpjUnavailable("VARDE-JOURNAL-0033: reading the EPJ failed: " + e, e);
        }
    }

    private List<Flag> flags(IGenericClient client, String patient) {
        try {
            Bundle flags = client.search()
                    .forResource(Flag.class)
                    .where(Flag.SUBJECT.hasId(patient))
                    .returnBundle(Bundle.class)
                    .execute();
            return all(client, flags, Flag.class);
        } catch (ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException
                | ca.uhn.fhir.rest.server.exceptions.InvalidRequestException
                | ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException e) {
            return List.of();
        }
    }

    /**
     * The search's resources over all its pages (the server decides the page size), following the bundles' next
     * links; at most {@link #MAX_PAGES} pages, so a server that pages without end cannot hold the card.
     */
    private static <T extends Resource> List<T> all(IGenericClient client, Bundle first, Class<T> type) {
        List<T> result = new java.util.ArrayList<>(resources(first, type));
        Bundle page = first;
        int pages = 1;
        while (page.getLink(Bundle.LINK_NEXT) != null) {
            if (pages == MAX_PAGES) {
                log.warn(
                        "VARDE-JOURNAL-0034: the EPJ's {} search has more than {} pages; the card shows the first {}",
                        type.getSimpleName(),
                        MAX_PAGES,
                        result.size());
                break;
            }
            page = client.loadPage().next(page).execute();
            result.addAll(resources(page, type));
            pages++;
        }
        return result;
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static String base(JournalEndpoint endpoint) {
        String base = endpoint.baseUrl().toString();
        return (base.endsWith("/") ? base : base + "/") + endpoint.organisationNumber();
    }
}
