package no.varde.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a persistent embedded database startable again after Varde died without stopping it.
 *
 * <p>PostgreSQL runs as a separate process. When the Java process is killed ({@code kill -9}, out of memory, power
 * button on a laptop), that postmaster lives on as an orphan holding {@code postmaster.pid}, and every later start
 * fails until someone stops it by hand. The guard holds an exclusive file lock beside the data folder for the whole
 * life of the JVM: the operating system releases it when the process dies, however it dies. Whoever gets the lock
 * knows that any postmaster still running on that folder belongs to a dead owner, and stops it (fast shutdown, so
 * committed work is kept) before starting a fresh one. A second live Varde on the same folder is refused instead.
 */
final class DataDirectoryGuard {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(15);

    /** Locks held until the JVM exits, by lock file; never released on purpose. */
    private static final Map<Path, FileLock> HELD = new HashMap<>();

    private DataDirectoryGuard() {}

    /** Claims the data folder for this JVM and stops a postmaster left running by a dead owner. */
    static synchronized void claim(Path dataDirectory) {
        Path lockFile = lockFileFor(dataDirectory);
        if (HELD.containsKey(lockFile)) {
            return;
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("VARDE-DB-0004: another running Varde uses the embedded database in "
                        + dataDirectory + " (lock " + lockFile + " is held); stop it first, or give this one its own"
                        + " varde.embedded-database.data-directory");
            }
            HELD.put(lockFile, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("VARDE-DB-0005: could not lock " + lockFile, e);
        }
        stopOrphan(dataDirectory);
    }

    static Path lockFileFor(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".varde-lock");
    }

    private static void stopOrphan(Path dataDirectory) {
        Optional<Long> pid = postmasterPid(dataDirectory);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // a stale postmaster.pid of a dead server: PostgreSQL recovers from it by itself
        }
        if (!isPostgres(process.get())) {
            // The pid was reused by an unrelated process; PostgreSQL would refuse to start while it lives.
            log.warn(
                    "Removing stale {} whose pid {} now belongs to another program",
                    dataDirectory.resolve("postmaster.pid"),
                    pid.get());
            deleteQuietly(dataDirectory.resolve("postmaster.pid"));
            return;
        }
        log.warn(
                "VARDE-DB-0006: embedded PostgreSQL (pid {}) on {} was left running by a Varde process that died;"
                        + " stopping it before starting again (fast shutdown keeps every committed transaction)",
                pid.get(),
                dataDirectory);
        ProcessHandle postmaster = process.get();
        signal(postmaster.pid(), "INT");
        if (awaitExit(postmaster, FAST_SHUTDOWN_WAIT)) {
            return;
        }
        log.warn("Orphaned PostgreSQL {} ignored fast shutdown; sending immediate shutdown", pid.get());
        signal(postmaster.pid(), "QUIT");
        if (awaitExit(postmaster, IMMEDIATE_SHUTDOWN_WAIT)) {
            return;
        }
        postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        if (!awaitExit(postmaster, IMMEDIATE_SHUTDOWN_WAIT)) {
            throw new IllegalStateException(
                    "VARDE-DB-0007: could not stop the orphaned PostgreSQL " + pid.get() + " on " + dataDirectory);
        }
    }

    static Optional<Long> postmasterPid(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not read {}: {}", pidFile, e.toString());
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                .orElse(true); // cannot tell (another user's process): treat it as the server, never delete its lock
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not signal {} to {}: {}", signal, pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.toString());
        }
    }
}
