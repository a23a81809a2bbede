package no.varde.ingest.scaip;

import gov.nist.javax.sip.message.SIPMessage;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import no.varde.alarm.DeviceEvent;
import no.varde.ingest.credentials.DeviceAlerts;
import no.varde.ingest.credentials.ScaipCredentials;
import no.varde.ingest.credentials.ScaipCredentials.Credential;
import no.varde.ingest.reception.Delivery;
import no.varde.ingest.reception.Receipt;
import no.varde.ingest.reception.ReceivedEvent;
import no.varde.ingest.reception.Reception;
import no.varde.ingest.reception.ReceptionUnavailable;
import no.varde.ingest.reception.RejectedDelivery;
import no.varde.ingest.reception.RejectedDeliveryId;
import no.varde.registry.DeviceIdentity;
import no.varde.shared.EventSource;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The SCAIP receiver: SIP over UDP, TCP and TLS on the JAIN-SIP reference stack. A device's MESSAGE with an
 * {@code <mrq>} is committed through the reception port, answered {@code 200 OK} only after the commit, and then
 * Varde sends its own MESSAGE with the {@code <mrs>} to the device (retransmitted by the stack's client
 * transaction). When reception cannot commit now, the answer is {@code 503} with Retry-After and no mrs.
 */
@Component
@ConditionalOnBooleanProperty(name = "varde.ingest.scaip.enabled", matchIfMissing = true)
public class ScaipReceiver implements SipListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScaipReceiver.class);

    /** TLS versions the SIP stack offers, as the stack's properties spell lists. */
    static final String TLS_PROTOCOLS = "TLSv1.2,TLSv1.3";

    static final String TLS_CIPHER_SUITES = "TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384,"
            + "TLS_CHACHA20_POLY1305_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
            + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,"
            + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,"
            + "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";

    private final ScaipProperties properties;
    private final Reception reception;
    private final ScaipCredentials credentials;
    private final DeviceAlerts alerts;
    private final Clock clock;
    private final ScaipDigest digest;
    private final ScaipVoiceCalls voiceCalls;
    private ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    private @Nullable SipStack stack;
    private @Nullable SipProvider provider;
    private HeaderFactory headers;
    private AddressFactory addresses;
    private MessageFactory messages;
    private int port;
    private int tlsPort = -1;
    private volatile boolean running;

    ScaipReceiver(
            ScaipProperties properties,
            Reception reception,
            ScaipCredentials credentials,
            DeviceAlerts alerts,
            ScaipVoiceCalls voiceCalls,
            Clock clock) {
        this.properties = properties;
        this.voiceCalls = voiceCalls;
        this.reception = reception;
        this.credentials = credentials;
        this.alerts = alerts;
        this.clock = clock;
        this.digest = new ScaipDigest(properties.nonceValidity(), clock);
    }

    /** The UDP and TCP port in use. */
    public int port() {
        return port;
    }

    /** The TLS port in use, or -1 when TLS is off. */
    public int tlsPort() {
        return tlsPort;
    }

    // ---- lifecycle --------------------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        // a fresh pool on every start: the test framework stops and restarts cached contexts
        workers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            Properties config = new Properties();
            config.setProperty("javax.sip.STACK_NAME", "varde-scaip-" + UUID.randomUUID());
            config.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
            config.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLogger.class.getName());
            config.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLogger.class.getName());
            config.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
            config.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
            config.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
            config.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
            boolean tls = properties.tls();
            if (tls) {
                ScaipTls.KeyStoreFile keyStore = ScaipTls.keyStore(properties, clock);
                config.setProperty("javax.net.ssl.keyStore", keyStore.path().toString());
                config.setProperty("javax.net.ssl.keyStorePassword", keyStore.password());
                config.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
                config.setProperty("javax.net.ssl.trustStore", keyStore.path().toString());
                config.setProperty("javax.net.ssl.trustStorePassword", keyStore.password());
                config.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
                // devices rarely carry a client certificate
                config.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
                config.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", TLS_PROTOCOLS);
                // the stack's built-in list is of suites modern JDKs disable; offer today's instead
                config.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", TLS_CIPHER_SUITES);
            }
            SipStack created = factory.createSipStack(config);
            headers = factory.createHeaderFactory();
            addresses = factory.createAddressFactory();
            messages = factory.createMessageFactory();
            port = properties.port() == 0 ? freePort() : properties.port();
            ListeningPoint udp = created.createListeningPoint(properties.host(), port, ListeningPoint.UDP);
            ListeningPoint tcp = created.createListeningPoint(properties.host(), port, ListeningPoint.TCP);
            SipProvider sip = created.createSipProvider(udp);
            sip.addListeningPoint(tcp);
            if (tls) {
                tlsPort = properties.tlsPort() == 0 ? freePort() : properties.tlsPort();
                sip.addListeningPoint(created.createListeningPoint(properties.host(), tlsPort, ListeningPoint.TLS));
            }
            sip.addSipListener(this);
            created.start();
            stack = created;
            provider = sip;
            running = true;
            log.info(
                    "SCAIP receiver listening on {} port {} (UDP, TCP){}",
                    properties.host(),
                    port,
                    tls ? " and " + tlsPort + " (TLS)" : "");
        } catch (Exception e) {
            throw new IllegalStateException("VARDE-SCAIP-0001: the SCAIP receiver cannot start: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (stack != null) {
            stack.stop();
            stack = null;
        }
        workers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the database and reception are up, before the web server. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    /** A port free for both UDP and TCP right now (for tests that configure port 0). */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(candidate)) {
                    return candidate;
                } catch (IOException taken) {
                    // UDP side in use; try another
                }
            }
        }
        throw new IOException("no free port for SIP");
    }

    // ---- requests ---------------------------------------------------------------------------------------

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            return;
        }
        ServerTransaction transaction;
        try {
            transaction = event.getServerTransaction() != null
                    ? event.getServerTransaction()
                    : provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException retransmission) {
            return; // the stack answers retransmissions of a transaction in progress
        } catch (Exception e) {
            log.warn("VARDE-SCAIP-0002: cannot open a transaction for a {}: {}", method, e.getMessage());
            return;
        }
        switch (method) {
            case Request.MESSAGE -> workers.execute(() -> message(request, transaction));
            case Request.OPTIONS -> respond(transaction, request, Response.OK, null);
            case Request.INVITE -> refuseVoice(request, transaction);
            default -> respond(transaction, request, Response.METHOD_NOT_ALLOWED, null);
        }
    }

    private void message(Request request, ServerTransaction transaction) {
        byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
        String from = ((FromHeader) request.getHeader(FromHeader.NAME))
                .getAddress()
                .getURI()
                .toString();
        String contentType = contentType(request);
        try {
            switch (MrqParser.parse(body)) {
                case MrqParser.Invalid invalid -> invalid(request, transaction, body, from, contentType, invalid);
                case MrqParser.Parsed parsed -> valid(request, transaction, body, from, contentType, parsed.mrq());
            }
        } catch (ReceptionUnavailable unavailable) {
            notNow(request, transaction, unavailable);
        } catch (RuntimeException e) {
            log.error("VARDE-SCAIP-0003: a SCAIP message from {} failed; answered 503 so the device retries", from, e);
            notNow(request, transaction, new ReceptionUnavailable("failed", Duration.ofSeconds(5)));
        }
    }

    private void invalid(
            Request request,
            ServerTransaction transaction,
            byte[] body,
            String from,
            @Nullable String contentType,
            MrqParser.Invalid invalid) {
        RejectedDeliveryId id = reception.reject(new RejectedDelivery(
                EventSource.SCAIP, from, contentType, body, List.of(new FieldProblem("mrq", invalid.reason()))));
        log.warn(
                "VARDE-SCAIP-0004: rejected a SCAIP message from {} with snu {}: {} (kept as rejected input {})",
                from,
                invalid.snu(),
                invalid.reason(),
                id);
        if (respond(transaction, request, Response.OK, null)) {
            sendMrs(
                    request,
                    new Mrs(
                            invalid.ref() == null ? "" : invalid.ref(),
                            invalid.snu(),
                            // ste is a short text on the device's display or log
                            invalid.reason().length() > 64 ? invalid.reason().substring(0, 64) : invalid.reason(),
                            null,
                            null,
                            null,
                            null));
        }
    }

    private void valid(
            Request request,
            ServerTransaction transaction,
            byte[] body,
            String from,
            @Nullable String contentType,
            Mrq mrq) {
        Credential credential = credentials.find(mrq.cid()).orElse(null);
        if (credential != null && !authenticated(request, transaction, body, from, contentType, mrq, credential)) {
            return;
        }
        Instant now = clock.instant();
        DeviceEvent event = ScaipEvents.of(mrq, from, now);
        Delivery delivery = new Delivery(
                EventSource.SCAIP,
                mrq.cid(),
                body,
                contentType,
                List.of(new ReceivedEvent(
                        mrq.ref(),
                        properties.dedupWindow(),
                        mrq.supervision(),
                        event,
                        mrq.supervision() ? blankToNull(properties.heartbeatInterval()) : null)));
        Receipt receipt = join(reception.submit(delivery));
        log.debug("SCAIP {} from {} committed: {}", mrq.code(), mrq.cid(), receipt);
        if (respond(transaction, request, Response.OK, null)) {
            sendMrs(
                    request,
                    new Mrs(
                            mrq.ref(),
                            0,
                            null,
                            "0",
                            blankToNull(properties.callHandling()),
                            blankToNull(properties.telephoneNumber()),
                            mrq.supervision() ? blankToNull(properties.heartbeatInterval()) : null));
        }
    }

    /** Digest check; answers the challenge or the refusal itself and returns false when the message stops here. */
    private boolean authenticated(
            Request request,
            ServerTransaction transaction,
            byte[] body,
            String from,
            @Nullable String contentType,
            Mrq mrq,
            Credential credential) {
        javax.sip.header.Header header = request.getHeader("Authorization");
        if (header == null) {
            challenge(request, transaction, credential.realm(), false);
            return false;
        }
        String value =
                header.toString().substring(header.toString().indexOf(':') + 1).strip();
        switch (digest.check(value, request.getMethod(), credential)) {
            case OK -> {
                return true;
            }
            case STALE -> {
                challenge(request, transaction, credential.realm(), true);
                return false;
            }
            default -> {
                RejectedDeliveryId id = reception.reject(new RejectedDelivery(
                        EventSource.SCAIP,
                        from,
                        contentType,
                        body,
                        List.of(new FieldProblem("Authorization", "SIP digest authentication failed"))));
                log.warn(
                        "VARDE-SCAIP-0005: SCAIP controller {} failed digest authentication (kept as rejected input {})",
                        mrq.cid(),
                        id);
                if (alerts.mayRaise("SCAIP", mrq.cid(), properties.authFailureAlarmInterval())) {
                    raiseAuthFailure(mrq, from, body, contentType);
                }
                respond(transaction, request, Response.FORBIDDEN, null);
                return false;
            }
        }
    }

    /** A known device failing authentication may be a resident in need with a misconfigured alarm. */
    private void raiseAuthFailure(Mrq mrq, String from, byte[] body, @Nullable String contentType) {
        Instant now = clock.instant();
        DeviceEvent event = new DeviceEvent(
                EventSource.SCAIP,
                "SCAIP:" + mrq.cid() + ":auth:" + now.toEpochMilli(),
                new DeviceIdentity(mrq.cid(), mrq.deviceId(), null, null, null, null),
                mrq.dty(),
                mrq.get("dco"),
                "AUTH_FAILED",
                "SIP-autentisering feilet for melding " + mrq.code() + " (ref " + mrq.ref() + ")",
                null,
                null,
                mrq.latitude(),
                mrq.longitude(),
                now,
                now,
                Map.of("sipFrom", from, "failedCode", mrq.code(), "ref", mrq.ref()));
        try {
            // committed before the 403 goes out
            reception
                    .submit(new Delivery(
                            EventSource.SCAIP,
                            mrq.cid(),
                            body,
                            contentType,
                            List.of(new ReceivedEvent(
                                    "auth-failed:" + now.toEpochMilli(), properties.dedupWindow(), false, event))))
                    .join();
        } catch (RuntimeException e) {
            log.error("VARDE-SCAIP-0006: the technical alarm for {} could not be stored", mrq.cid(), e);
        }
    }

    private void challenge(Request request, ServerTransaction transaction, String realm, boolean stale) {
        try {
            Response response = messages.createResponse(Response.UNAUTHORIZED, request);
            response.addHeader(headers.createHeader("WWW-Authenticate", digest.challenge(realm, stale)));
            toTag(response);
            transaction.sendResponse(response);
        } catch (Exception e) {
            log.warn("VARDE-SCAIP-0007: cannot send a digest challenge: {}", e.getMessage());
        }
    }

    private void notNow(Request request, ServerTransaction transaction, ReceptionUnavailable unavailable) {
        log.warn("VARDE-SCAIP-0008: SCAIP message answered 503: {}", unavailable.getMessage());
        respond(transaction, request, Response.SERVICE_UNAVAILABLE, (int)
                Math.max(1, unavailable.retryAfter().toSeconds()));
    }

    /**
     * Voice goes around Varde for now: an INVITE is refused with 480 Temporarily Unavailable, a final answer that
     * makes the device fall back to its own voice route (the operator calls back on the callback route). The
     * refusal goes out first; then it is noted on the device's open alarm (or kept raw when there is none).
     */
    private void refuseVoice(Request request, ServerTransaction transaction) {
        SipURI fromUri =
                ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI() instanceof SipURI sip
                        ? sip
                        : null;
        String from = ((FromHeader) request.getHeader(FromHeader.NAME))
                .getAddress()
                .getURI()
                .toString();
        log.info("VARDE-SCAIP-0009: refused a voice call (INVITE) from {}; the device uses its voice fallback", from);
        respond(transaction, request, Response.TEMPORARILY_UNAVAILABLE, null);
        String user = fromUri == null || fromUri.getUser() == null
                ? null
                : fromUri.getUser().replaceAll("\\s+", "");
        String controller = user != null && user.matches("\\d{1,32}") ? user : null;
        byte[] raw = ScaipVoiceCalls.raw(request);
        workers.execute(() -> {
            try {
                voiceCalls.refused(controller, from, Response.TEMPORARILY_UNAVAILABLE, raw);
            } catch (RuntimeException e) {
                log.error("VARDE-SCAIP-0019: the refused voice call from {} could not be noted", from, e);
            }
        });
    }

    private boolean respond(ServerTransaction transaction, Request request, int status, @Nullable Integer retryAfter) {
        try {
            Response response = messages.createResponse(status, request);
            if (retryAfter != null) {
                response.addHeader(headers.createRetryAfterHeader(retryAfter));
            }
            toTag(response);
            transaction.sendResponse(response);
            return true;
        } catch (Exception e) {
            log.warn("VARDE-SCAIP-0012: cannot answer {} {}: {}", status, request.getMethod(), e.getMessage());
            return false;
        }
    }

    private static void toTag(Response response) throws java.text.ParseException {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        if (to != null && to.getTag() == null) {
            to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        }
    }

    // ---- Varde's mrs ------------------------------------------------------------------------------------

    /**
     * Sends the mrs as a new MESSAGE to the device's Contact (or where the request came from). The device matches
     * it by ref; the Call-ID of its own MESSAGE is reused, which stateless devices ignore and test peers need.
     */
    private void sendMrs(Request request, Mrs mrs) {
        try {
            SIPMessage incoming = (SIPMessage) request;
            String transport = ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport();
            URI target = target(request, incoming, transport);
            FromHeader deviceFrom = (FromHeader) request.getHeader(FromHeader.NAME);
            String localHost = localHost(request, incoming);
            int localPort = incoming.getLocalPort() > 0 ? incoming.getLocalPort() : port;
            SipURI varde = addresses.createSipURI("varde", hostForUri(localHost) + ":" + localPort);
            Address vardeAddress = addresses.createAddress(varde);
            FromHeader from = headers.createFromHeader(
                    vardeAddress, Long.toHexString(ThreadLocalRandom.current().nextLong()));
            ToHeader to = headers.createToHeader(deviceFrom.getAddress(), null);
            List<ViaHeader> via = new ArrayList<>();
            via.add(headers.createViaHeader(localHost, localPort, transport, null));
            CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
            CSeqHeader cseq = headers.createCSeqHeader(1L, Request.MESSAGE);
            ContentTypeHeader type = headers.createContentTypeHeader("application", Mrs.CONTENT_SUBTYPE);
            Request answer = messages.createRequest(
                    target,
                    Request.MESSAGE,
                    callId,
                    cseq,
                    from,
                    to,
                    via,
                    headers.createMaxForwardsHeader(70),
                    type,
                    mrs.xml());
            ClientTransaction client = provider.getNewClientTransaction(answer);
            client.sendRequest();
        } catch (Exception e) {
            log.warn("VARDE-SCAIP-0013: cannot send the mrs for ref {}: {}", mrs.ref(), e.getMessage());
        }
    }

    /**
     * How Varde names itself in the mrs's From and Via: the address the message arrived at, or, when Varde listens
     * on a wildcard address (the default {@code 0.0.0.0}), the host the device addressed (its Request-URI), which
     * is how the device reaches Varde. Never the wildcard: a device answers and sends again to what From and Via
     * say.
     */
    private String localHost(Request request, SIPMessage incoming) throws java.net.UnknownHostException {
        InetAddress local = incoming.getLocalAddress();
        if (local != null && !local.isAnyLocalAddress()) {
            return local.getHostAddress();
        }
        if (request.getRequestURI() instanceof SipURI uri
                && uri.getHost() != null
                && !uri.getHost().isBlank()) {
            String host = uri.getHost();
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }
        InetAddress configured = InetAddress.getByName(properties.host());
        return configured.isAnyLocalAddress()
                ? InetAddress.getLocalHost().getHostAddress()
                : configured.getHostAddress();
    }

    /**
     * Over UDP the mrs goes to the device's Contact (or where the request came from). Over TCP and TLS it goes to
     * the source of the connection, so the stack reuses the device's own connection: devices behind NAT or
     * without a TLS server of their own cannot take a new one.
     */
    private URI target(Request request, SIPMessage incoming, String transport) throws java.text.ParseException {
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        if ("UDP".equalsIgnoreCase(transport)
                && contact != null
                && contact.getAddress() != null
                && contact.getAddress().getURI().isSipURI()) {
            SipURI uri = (SipURI) contact.getAddress().getURI().clone();
            if (uri.getTransportParam() == null && !"UDP".equalsIgnoreCase(transport)) {
                uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
            }
            return uri;
        }
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        String user = from.getAddress().getURI().isSipURI()
                ? ((SipURI) from.getAddress().getURI()).getUser()
                : null;
        SipURI uri = addresses.createSipURI(
                user, hostForUri(incoming.getRemoteAddress().getHostAddress()) + ":" + incoming.getRemotePort());
        uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
        return uri;
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static @Nullable String contentType(Request request) {
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        return type == null ? null : type.getContentType() + "/" + type.getContentSubType();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ReceptionUnavailable unavailable) {
                throw unavailable;
            }
            throw e;
        }
    }

    // ---- the device's answers to Varde's mrs -----------------------------------------------------------

    @Override
    public void processResponse(ResponseEvent event) {
        Response response = event.getResponse();
        if (response.getStatusCode() >= 300) {
            log.warn(
                    "VARDE-SCAIP-0014: a device answered Varde's mrs with {} {}",
                    response.getStatusCode(),
                    response.getReasonPhrase());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction()) {
            log.warn("VARDE-SCAIP-0015: a device did not answer Varde's mrs (its alarm is committed all the same)");
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.warn(
                "VARDE-SCAIP-0016: SIP transport error towards {}:{} ({})",
                event.getHost(),
                event.getPort(),
                event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {}

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {}
}
