package no.varde.journal;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * VKP stand-in: an embedded Tomcat serving {@code POST /{orgnr}/bundle}, parsing each body with HAPI FHIR and
 * answering what a test scripted for that document (201 by default; 400 with an OperationOutcome; 503).
 */
final class FakeVkp {

    record Received(String orgnr, String authorization, String contentType, String body, Bundle bundle) {}

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final Tomcat tomcat = new Tomcat();
    final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    volatile String rejection = "";

    FakeVkp() {
        try {
            tomcat.setBaseDir(Files.createTempDirectory("wt-journal-tomcat").toString());
            tomcat.setPort(0);
            tomcat.getConnector();
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "vkp", new Servlet());
            context.addServletMappingDecoded("/*", "vkp");
            tomcat.start();
        } catch (IOException | LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    /** The answers for the document with this bundle identifier, in order; 201 once they are used up. */
    /** A scripted "status" that stalls the answer beyond the sender's timeout. */
    static final int STALL = 0;

    static final long STALL_MILLIS = 3_000;

    void script(String alarmId, Integer... statuses) {
        scripts.put("urn:uuid:" + alarmId, new ArrayDeque<>(List.of(statuses)));
    }

    List<Received> of(String alarmId) {
        return received.stream()
                .filter(r -> r.bundle().getIdentifier().getValue().equals("urn:uuid:" + alarmId))
                .toList();
    }

    void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private final class Servlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String[] path = request.getRequestURI().split("/");
            if (path.length != 3 || !path[2].equals("bundle")) {
                response.sendError(404);
                return;
            }
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, body);
            received.add(
                    new Received(path[1], request.getHeader("Authorization"), request.getContentType(), body, bundle));
            Deque<Integer> script = scripts.get(bundle.getIdentifier().getValue());
            Integer next = script == null ? null : script.poll();
            if (next != null && next == STALL) {
                // answer only after the sender has given up waiting
                try {
                    Thread.sleep(STALL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                next = 201;
            }
            int status = next == null ? 201 : next;
            response.setStatus(status);
            response.setContentType("application/fhir+json");
            if (status == 400) {
                OperationOutcome outcome = new OperationOutcome();
                outcome.addIssue()
                        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                        .setCode(OperationOutcome.IssueType.INVALID)
                        .setDiagnostics(rejection);
                response.getWriter().write(fhir.newJsonParser().encodeResourceToString(outcome));
            } else if (status >= 200 && status < 300) {
                response.getWriter().write(body);
            }
        }
    }
}
