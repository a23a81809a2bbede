package no.varde.ingest.scaip;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS identity of the SCAIP receiver: the configured PEM certificate and key, or (development only) a
 * self-signed one made once into the data folder. JAIN-SIP reads a key store file, so both become a PKCS#12 file
 * readable by the owner only, with a random password.
 */
final class ScaipTls {

    private static final Logger log = LoggerFactory.getLogger(ScaipTls.class);

    record KeyStoreFile(Path path, String password) {}

    private ScaipTls() {}

    static KeyStoreFile keyStore(ScaipProperties properties, Clock clock) {
        try {
            Path certificate = properties.tlsCertificate();
            Path key = properties.tlsKey();
            if (certificate == null || key == null) {
                certificate = properties.tlsDirectory().resolve("scaip-tls.crt");
                key = properties.tlsDirectory().resolve("scaip-tls.key");
                if (!Files.exists(certificate) || !Files.exists(key)) {
                    selfSigned(certificate, key, clock);
                }
            }
            List<X509Certificate> chain = certificates(certificate);
            PrivateKey privateKey = privateKey(key);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            store.setKeyEntry("scaip", privateKey, password.toCharArray(), chain.toArray(new Certificate[0]));
            Path file = Files.createTempFile(
                    "varde-scaip-",
                    ".p12",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return new KeyStoreFile(file, password);
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-SCAIP-0010: the TLS certificate or key cannot be read", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("VARDE-SCAIP-0010: the TLS certificate or key is not usable", e);
        }
    }

    private static List<X509Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
        List<X509Certificate> chain = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(pem);
                PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        }
        if (chain.isEmpty()) {
            throw new IOException("no certificate in " + pem);
        }
        return chain;
    }

    private static PrivateKey privateKey(Path pem) throws IOException {
        try (Reader reader = Files.newBufferedReader(pem);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException("no unencrypted private key in " + pem);
        }
    }

    private static void selfSigned(Path certificate, Path key, Clock clock)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=varde-scaip-development");
        Instant now = clock.instant();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(825))),
                name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
        }));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        Path folder = certificate.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // written aside and moved into place, so a second node starting at the same moment never reads half a pair
        Path keyTemp = Files.createTempFile(
                folder,
                "scaip-tls-",
                ".key",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Path certificateTemp = Files.createTempFile(folder, "scaip-tls-", ".crt");
        try (Writer out = Files.newBufferedWriter(keyTemp);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(pair.getPrivate());
        }
        try (Writer out = Files.newBufferedWriter(certificateTemp);
                JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(cert);
        }
        Files.move(keyTemp, key, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(certificateTemp, certificate, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.warn(
                "VARDE-SCAIP-0011: made a self-signed TLS certificate for SCAIP in {} (development setup only)",
                certificate.toAbsolutePath());
    }
}
