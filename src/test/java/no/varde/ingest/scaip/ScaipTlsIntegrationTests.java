package no.varde.ingest.scaip;

import static no.varde.ingest.IngestTestSupport.safetyAlarmController;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import no.varde.ingest.ProtocolTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SCAIP over TLS with a real SIP client: a second JAIN-SIP stack plays the device, trusting only the receiver's
 * certificate, sends the mrq over TLS, gets 200, and gets Varde's mrs on its own connection.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProtocolTestConfiguration.class)
class ScaipTlsIntegrationTests {

    @Autowired
    ScaipReceiver receiver;

    @Autowired
    ScaipProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void deviceOverTlsGetsTheWholeExchange() throws Exception {
        String cid = safetyAlarmController(jdbc, "1832", 0);
        String ref = "tls" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        CompletableFuture<Integer> answered = new CompletableFuture<>();
        CompletableFuture<String> mrs = new CompletableFuture<>();
        SipStack stack = clientStack();
        try {
            SipFactory factory = SipFactory.getInstance();
            HeaderFactory headers = factory.createHeaderFactory();
            AddressFactory addresses = factory.createAddressFactory();
            MessageFactory messages = factory.createMessageFactory();
            ListeningPoint point = stack.createListeningPoint("127.0.0.1", Sipp.freePort(), ListeningPoint.TLS);
            SipProvider provider = stack.createSipProvider(point);
            provider.addSipListener(new Device(answered, mrs, messages, provider));
            stack.start();

            SipURI target = addresses.createSipURI("scaip", "127.0.0.1:" + receiver.tlsPort());
            target.setTransportParam("tls");
            SipURI device = addresses.createSipURI(cid, "127.0.0.1:" + point.getPort());
            List<ViaHeader> via = new ArrayList<>();
            via.add(headers.createViaHeader("127.0.0.1", point.getPort(), "TLS", null));
            Request request = messages.createRequest(
                    target,
                    Request.MESSAGE,
                    provider.getNewCallId(),
                    headers.createCSeqHeader(1L, Request.MESSAGE),
                    headers.createFromHeader(addresses.createAddress(device), "dev" + ref),
                    headers.createToHeader(addresses.createAddress(target), null),
                    via,
                    headers.createMaxForwardsHeader(70),
                    headers.createContentTypeHeader("application", "scaip+xml"),
                    ("<mrq><ref>" + ref + "</ref><cid>" + cid + "</cid><dty>4</dty><did>1</did><stc>10</stc></mrq>")
                            .getBytes(StandardCharsets.UTF_8));
            SipURI contact = addresses.createSipURI(cid, "127.0.0.1:" + point.getPort());
            contact.setTransportParam("tls");
            request.addHeader(headers.createContactHeader(addresses.createAddress(contact)));
            provider.getNewClientTransaction(request).sendRequest();

            assertThat(answered.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            assertThat(mrs.get(30, TimeUnit.SECONDS))
                    .contains("<ref>" + ref + "</ref>", "<snu>0</snu>", "<mre>0</mre>");
        } finally {
            stack.stop();
        }
        assertThat(jdbc.sql("select source_code from alarm where details ->> 'senderIdentity' = ?")
                        .param("SCAIP:" + cid + ":" + ref)
                        .query(String.class)
                        .single())
                .isEqualTo("0004:0010");
    }

    /** A device stack whose trust store holds only the receiver's (self-signed) certificate. */
    private SipStack clientStack() throws Exception {
        ScaipTls.KeyStoreFile identity = ScaipTls.keyStore(properties, clock);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(properties.tlsDirectory().resolve("scaip-tls.crt"))) {
            trust.setCertificateEntry(
                    "varde", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path trustFile = Files.createTempFile("device-trust-", ".p12");
        try (OutputStream out = Files.newOutputStream(trustFile)) {
            trust.store(out, "device".toCharArray());
        }
        Properties config = new Properties();
        config.setProperty("javax.sip.STACK_NAME", "test-device-" + UUID.randomUUID());
        config.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        config.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLogger.class.getName());
        config.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipMessageLogger.class.getName());
        config.setProperty("javax.net.ssl.keyStore", identity.path().toString());
        config.setProperty("javax.net.ssl.keyStorePassword", identity.password());
        config.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        config.setProperty("javax.net.ssl.trustStore", trustFile.toString());
        config.setProperty("javax.net.ssl.trustStorePassword", "device");
        config.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        config.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        config.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", ScaipReceiver.TLS_PROTOCOLS);
        config.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", ScaipReceiver.TLS_CIPHER_SUITES);
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        return factory.createSipStack(config);
    }

    /** The device side: records the answer to its MESSAGE and answers Varde's mrs with 200. */
    private record Device(
            CompletableFuture<Integer> answered,
            CompletableFuture<String> mrs,
            MessageFactory messages,
            SipProvider provider)
            implements SipListener {

        @Override
        public void processRequest(RequestEvent event) {
            try {
                Request request = event.getRequest();
                ServerTransaction transaction = provider.getNewServerTransaction(request);
                Response ok = messages.createResponse(Response.OK, request);
                ((javax.sip.header.ToHeader) ok.getHeader("To")).setTag("device");
                transaction.sendResponse(ok);
                mrs.complete(new String(request.getRawContent(), StandardCharsets.UTF_8));
            } catch (Exception e) {
                mrs.completeExceptionally(e);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            answered.complete(event.getResponse().getStatusCode());
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            answered.completeExceptionally(new IllegalStateException("timeout"));
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            answered.completeExceptionally(new IllegalStateException("I/O error towards " + event.getHost()));
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {}

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {}
    }
}
