package no.varde.ingest.scaip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Runs Debian's SIPp (package sip-tester) as a SCAIP device against the receiver: a real SIP peer. */
public final class Sipp {

    static final Path SCENARIOS = Path.of("src/test/resources/sipp");
    static final Path OUTPUT = Path.of("target/sipp");

    /** What SIPp did: its exit code (0 = every call succeeded), its log actions and its error log. */
    public record Run(int exitCode, String log, String errors) {}

    private Sipp() {}

    public static Run run(String scenario, String transport, int port, Map<String, String> keys, String... extra)
            throws IOException, InterruptedException {
        Files.createDirectories(OUTPUT);
        String name = scenario + "-" + UUID.randomUUID();
        Path log = OUTPUT.resolve(name + ".log");
        Path errors = OUTPUT.resolve(name + ".errors");
        Path messages = OUTPUT.resolve(name + ".messages");
        List<String> command = new ArrayList<>(List.of(
                "sipp",
                "127.0.0.1:" + port,
                "-sf",
                SCENARIOS.resolve(scenario + ".xml").toString(),
                "-t",
                transport,
                "-i",
                "127.0.0.1",
                "-p",
                Integer.toString(freePort()),
                "-m",
                "1",
                "-nostdin",
                "-timeout",
                "30s",
                "-timeout_error",
                "-recv_timeout",
                "10000",
                "-trace_logs",
                "-log_file",
                log.toString(),
                "-trace_err",
                "-error_file",
                errors.toString(),
                "-trace_msg",
                "-message_file",
                messages.toString()));
        keys.forEach((key, value) -> command.addAll(List.of("-key", key, value)));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(OUTPUT.resolve(name + ".out").toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("SIPp did not finish: " + command);
        }
        return new Run(process.exitValue(), read(log), read(errors) + read(messages));
    }

    private static String read(Path path) throws IOException {
        return Files.exists(path) ? Files.readString(path, java.nio.charset.StandardCharsets.ISO_8859_1) : "";
    }

    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0)) {
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(candidate)) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }
}
