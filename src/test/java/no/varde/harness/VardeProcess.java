package no.varde.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Varde's development setup run as a separate operating-system process for the harnesses: embedded PostgreSQL in a
 * persistent folder of its own, fixed ports, logs per start. The harnesses kill it, stop its database and start it
 * again, as a power cut or an operator would. The benchmark starts it from another build's classpath (the code
 * before a change) the same way.
 */
public final class VardeProcess {

    static final String TOKEN = "d3e0a1a2-0000-4000-8000-000000000001.demo-integration-secret-not-for-production";
    /**
     * How long a start may take before the harness gives up: 5 minutes by default, longer with
     * {@code -Dvarde.harness.start-timeout=PT15M} on a machine busy with other builds (a first start runs initdb).
     */
    private static final Duration START_TIMEOUT =
            Duration.parse(System.getProperty("varde.harness.start-timeout", "PT5M"));

    private final Path work;
    private final int httpPort;
    private final int dbPort;
    private final String classpath;
    private final List<String> extraArguments;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private int starts;

    VardeProcess(String name) throws IOException {
        this(name, System.getProperty("java.class.path"), List.of());
    }

    /** Varde from the given classpath (e.g. another worktree's build), with extra command-line arguments. */
    public VardeProcess(String name, String classpath, List<String> extraArguments) throws IOException {
        this.work = Files.createTempDirectory("varde-" + name);
        this.httpPort = freePort();
        this.dbPort = freePort();
        this.classpath = classpath;
        this.extraArguments = List.copyOf(extraArguments);
    }

    public Path work() {
        return work;
    }

    public String base() {
        return "http://localhost:" + httpPort;
    }

    public int databasePort() {
        return dbPort;
    }

    public Process process() {
        return process;
    }

    /** Starts Varde and waits until its health check answers UP. */
    public void start() throws Exception {
        starts++;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        // extra JVM options for the application, e.g. a flight recording:
        // -Dvarde.harness.jvm-args="-XX:StartFlightRecording=..."
        String jvmArgs = System.getProperty("varde.harness.jvm-args", "").strip();
        if (!jvmArgs.isEmpty()) {
            command.addAll(List.of(jvmArgs.split("\\s+")));
        }
        command.addAll(List.of(
                "-cp",
                classpath,
                "no.varde.VardeApplication",
                "--spring.profiles.active=demo",
                "--server.port=" + httpPort,
                "--varde.embedded-database.data-directory=" + work.resolve("data/postgres"),
                "--varde.embedded-database.port=" + dbPort,
                "--varde.personal-data.key-file=" + work.resolve("data/secrets/personal-id.key"),
                "--varde.dispatch.link-key-file=" + work.resolve("data/secrets/dispatch-link.key"),
                "--logging.structured.format.console=",
                "--logging.level.root=WARN",
                "--logging.level.no.varde.shared.db=INFO",
                "--varde.ingest.scaip.port=0",
                "--varde.ingest.scaip.tls-port=0",
                "--varde.ingest.dc09.port=0"));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + starts + ".log").toFile());
        // Its own embedded database, whatever database the calling shell points at (CI exports SPRING_DATASOURCE_*).
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
        process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Varde exited while starting; see the logs in " + work);
            }
            if (healthStatus(Duration.ofSeconds(5)) == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Varde did not become healthy within " + START_TIMEOUT + "; see " + work);
    }

    /** The status of {@code /actuator/health}, or -1 when there is no answer within the timeout. */
    int healthStatus(Duration timeout) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                                    .timeout(timeout)
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The password of the embedded database's superuser, or null when the server has none. */
    public String superuserPassword() throws IOException {
        Path password = work.resolve("data/secrets/embedded-database.password");
        return Files.exists(password) ? Files.readString(password).trim() : null;
    }

    /** A superuser connection to the embedded database. */
    public Connection database() throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        Path password = work.resolve("data/secrets/embedded-database.password");
        if (Files.exists(password)) {
            credentials.setProperty("password", Files.readString(password).trim());
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/varde", credentials);
    }

    String setting(String name) throws Exception {
        try (Connection db = database();
                var statement = db.createStatement();
                ResultSet row = statement.executeQuery("show " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    /** The postmaster and every backend it started. */
    public List<Long> databaseProcesses() throws IOException {
        List<String> lines = Files.readAllLines(work.resolve("data/postgres/postmaster.pid"));
        long postmaster = Long.parseLong(lines.getFirst().trim());
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(handle -> {
            pids.add(postmaster);
            handle.descendants().forEach(child -> pids.add(child.pid()));
        });
        return pids;
    }

    /** Sends a signal to the given processes in one system call, so none sees the others go first. */
    static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** SIGKILL to Varde and, if asked, to its database in the same instant. */
    void kill(boolean databaseToo) throws Exception {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        if (databaseToo) {
            pids.addAll(databaseProcesses());
        }
        signal("KILL", pids);
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Stops a server left behind; keeps the folder (logs, data) when asked, e.g. after a failed run. */
    public void cleanUp(boolean keep) {
        try {
            for (long pid : databaseProcesses()) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
            }
        } catch (IOException | RuntimeException ignored) {
            // no server left running
        }
        if (keep) {
            System.out.println("harness: logs and data kept in " + work);
            return;
        }
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("harness: could not remove " + work + ": " + e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
