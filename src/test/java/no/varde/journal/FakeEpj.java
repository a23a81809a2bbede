package no.varde.journal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;

/**
 * The municipality's EPJ behind VKP, read side: HAPI FHIR's plain server ({@link RestfulServer}) in an embedded
 * Tomcat under {@code /{orgnr}}, serving the CarePlans and Flags a test put there for a patient (by EPJ id), and
 * recording every search with its Authorization header. It answers one resource per page, so a client that reads
 * only the first page of a search misses the rest.
 */
final class FakeEpj {

    record Searched(String resource, String patient, String authorization) {}

    final Map<String, List<CarePlan>> carePlans = new ConcurrentHashMap<>();
    final Map<String, List<Flag>> flags = new ConcurrentHashMap<>();
    final List<Searched> searches = new CopyOnWriteArrayList<>();
    private final Tomcat tomcat = new Tomcat();

    FakeEpj(String orgnr) {
        try {
            tomcat.setBaseDir(Files.createTempDirectory("wt-care-tomcat").toString());
            tomcat.setPort(0);
            tomcat.getConnector();
            Context context = tomcat.addContext("", null);
            RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
            server.setResourceProviders(List.of(new CarePlans(), new Flags()));
            // one resource per page, as a real server may page: the client must follow the bundles' next links
            ca.uhn.fhir.rest.server.FifoMemoryPagingProvider paging =
                    new ca.uhn.fhir.rest.server.FifoMemoryPagingProvider(100);
            paging.setDefaultPageSize(1);
            paging.setMaximumPageSize(1);
            server.setPagingProvider(paging);
            Tomcat.addServlet(context, "epj", server);
            context.addServletMappingDecoded("/" + orgnr + "/*", "epj");
            tomcat.start();
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    long searches(String resource, String patient) {
        return searches.stream()
                .filter(s -> s.resource().equals(resource) && s.patient().equals(patient))
                .count();
    }

    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private String patientOf(ReferenceParam subject) {
        return subject.getIdPart();
    }

    class CarePlans implements IResourceProvider {
        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return CarePlan.class;
        }

        @Search
        public List<CarePlan> search(
                @RequiredParam(name = CarePlan.SP_SUBJECT) ReferenceParam subject, HttpServletRequest request) {
            searches.add(
                    new Searched("CarePlan", patientOf(subject), String.valueOf(request.getHeader("Authorization"))));
            return carePlans.getOrDefault(patientOf(subject), List.of());
        }
    }

    class Flags implements IResourceProvider {
        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return Flag.class;
        }

        @Search
        public List<Flag> search(
                @RequiredParam(name = Flag.SP_SUBJECT) ReferenceParam subject, HttpServletRequest request) {
            searches.add(new Searched("Flag", patientOf(subject), String.valueOf(request.getHeader("Authorization"))));
            return flags.getOrDefault(patientOf(subject), List.of());
        }
    }
}
