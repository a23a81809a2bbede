package no.varde.benchmark;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DelimiterBasedFrameDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import no.varde.VardeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: DC-09 over TCP with many concurrent connections. Starts Varde (embedded PostgreSQL with
 * fsync and synchronous commit on, the demo region), opens {@code connections} TCP connections to its DC-09 receiver
 * and holds them, then offers frames open-loop at increasing rates (a mix of alarms and NULL link supervision, clear
 * and AES-encrypted with the accounts' keys). For each frame it measures the time from writing it to reading its
 * ACK; every ACK is only sent after the commit. Afterwards every ACKed alarm frame is looked up in the database.
 *
 * <p>The frames are built here from the specification (CRC-16/ARC, length, AES-CBC with a zero IV), sharing no code
 * with the receiver. Run with {@code bin/varde bench-dc09 [rates] [seconds per step] [connections]}; figures are
 * printed and written to {@code target/benchmark/dc09.txt}.
 */
public final class Dc09Benchmark {

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) == 1 ? (c >> 1) ^ 0xA001 : c >> 1;
            }
            CRC_TABLE[n] = c;
        }
    }

    /** Share of frames that are alarms (Contact ID E101 personal emergency); the rest are NULL. */
    static final double ALARM_SHARE = 0.2;

    /** A frame written and not yet answered. */
    record Pending(long sentNanos, boolean alarm, String account, String sequence) {}

    /** One TCP connection, carrying the frames of one account. */
    static final class Link {
        final String account;
        final byte[] key;
        /** By sequence: an answer names its frame's sequence (a frame reception cannot take now gets none). */
        final Map<String, Pending> pending = new ConcurrentHashMap<>();

        volatile Channel channel;

        Link(String account, byte[] key) {
            this.account = account;
            this.key = key;
        }
    }

    /** What one step measured. */
    static final class Step {
        final int rate;
        final long[] latencies;
        final AtomicInteger answered = new AtomicInteger();
        final AtomicInteger acked = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicLong lastAnswerNanos = new AtomicLong();
        final List<String> ackedAlarms = new ArrayList<>();
        int sent;
        long startedNanos;

        Step(int rate, int frames) {
            this.rate = rate;
            this.latencies = new long[frames];
        }
    }

    private volatile Step step;
    private final List<String> allAckedAlarms = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int[] rates = Arrays.stream((args.length > 0 ? args[0] : "1000,2000,3000,4000,5000,6000,8000").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int status;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VardeApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--logging.level.no.varde=WARN",
                        // production's commit deadline, not the shared test machine's
                        "--varde.ingest.reception.commit-timeout=2s",
                        "--varde.ingest.scaip.enabled=false")) {
            status = new Dc09Benchmark().run(app, rates, seconds, connections);
        }
        System.exit(status);
    }

    private int run(ConfigurableApplicationContext app, int[] rates, int seconds, int connections) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        int port = app.getBean(no.varde.ingest.dc09.Dc09Receiver.class).port();
        String fsync = jdbc.sql("show fsync").query(String.class).single();
        String synchronousCommit =
                jdbc.sql("show synchronous_commit").query(String.class).single();
        List<String> accounts = jdbc.sql(
                        "select upper(sia_account) from device where sia_account is not null order by 1")
                .query(String.class)
                .list();
        if (accounts.isEmpty()) {
            throw new IllegalStateException("the demo region has no DC-09 accounts");
        }
        // half the links encrypt: their accounts get AES keys the way an admin sets them (the demo account keeps
        // the published development key); the other half send in clear
        no.varde.ingest.credentials.Dc09Keys keys = app.getBean(no.varde.ingest.credentials.Dc09Keys.class);
        Map<String, byte[]> keyOf = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            String account = accounts.get(i);
            if (i % 2 == 0) {
                byte[] existing = keys.find(account).orElse(null);
                if (existing == null) {
                    byte[] key = new byte[i % 4 == 0 ? 16 : 32];
                    ThreadLocalRandom.current().nextBytes(key);
                    keys.set(account, HexFormat.of().formatHex(key), "system:benchmark");
                    existing = key;
                }
                keyOf.put(account, existing);
            }
        }
        List<String> demoKeys = jdbc.sql("select account || ' AES-' || key_bits from dc09_account_key"
                        + " where set_by = 'system:demo-loader' order by account")
                .query(String.class)
                .list();
        System.out.println("demo accounts with development keys: " + demoKeys);
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            String account = accounts.get(i % accounts.size());
            links.add(new Link(account, keyOf.get(account)));
        }
        // links of one account share its sequence counter (sequences are per account), starting anywhere
        Map<String, AtomicInteger> sequences = new HashMap<>();
        for (Link link : links) {
            sequences.computeIfAbsent(
                    link.account,
                    a -> new AtomicInteger(ThreadLocalRandom.current().nextInt(9999)));
        }
        List<Link> shared = links;

        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true);
            for (Link link : shared) {
                Channel channel = bootstrap
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline()
                                        .addLast(new DelimiterBasedFrameDecoder(
                                                1024, Unpooled.wrappedBuffer(new byte[] {'\r'})));
                                ch.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                        answered(link, msg.toString(StandardCharsets.US_ASCII));
                                    }
                                });
                            }
                        })
                        .connect("127.0.0.1", port)
                        .sync()
                        .channel();
                link.channel = channel;
            }
            int open = (int) shared.stream().filter(l -> l.channel.isActive()).count();
            System.out.printf("DC-09 benchmark: %d connections open to port %d%n", open, port);

            List<String> lines = new ArrayList<>();
            lines.add("Varde DC-09 over TCP benchmark, " + Instant.now());
            lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores (shared), Java "
                    + System.getProperty("java.version") + "; PostgreSQL fsync=" + fsync + ", synchronous_commit="
                    + synchronousCommit);
            lines.add(String.format(
                    "connections held: %d (to %d demo accounts); mix: %.0f %% alarms (ADM-CID E101), %.0f %% NULL;"
                            + " %d of %d accounts AES-encrypted (128/256-bit keys)",
                    open, accounts.size(), ALARM_SHARE * 100, (1 - ALARM_SHARE) * 100, keyOf.size(), accounts.size()));
            lines.add("load average before: " + loadAverage());
            lines.add(String.format(
                    "%-8s %-8s %-8s %-8s %-8s %-10s %-9s %-9s %-9s %-9s %s",
                    "offered",
                    "sent",
                    "ACKed",
                    "refused",
                    "no answer",
                    "ACK/s",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "sustained",
                    "load avg"));
            // warm-up: JIT, connection pool, caches
            runStep(shared, sequences, 500, 5);
            Thread.sleep(2000);
            int best = 0;
            for (int rate : rates) {
                Step done = runStep(shared, sequences, rate, seconds);
                int missing = done.sent - done.acked.get() - done.refused.get();
                double seconds2 = (done.lastAnswerNanos.get() - done.startedNanos) / 1e9;
                double ackRate = done.acked.get() / Math.max(seconds2, seconds);
                long[] sorted = Arrays.copyOf(done.latencies, done.answered.get());
                Arrays.sort(sorted);
                boolean sustained = missing == 0
                        && done.refused.get() == 0
                        && ackRate >= 0.95 * rate
                        && percentile(sorted, 0.99) < 2_000_000_000L;
                if (sustained) {
                    best = Math.max(best, rate);
                }
                String line = String.format(
                        Locale.ROOT,
                        "%-8d %-8d %-8d %-8d %-8d %-10.0f %-9.1f %-9.1f %-9.1f %-9s %s",
                        rate,
                        done.sent,
                        done.acked.get(),
                        done.refused.get(),
                        missing,
                        ackRate,
                        percentile(sorted, 0.50) / 1e6,
                        percentile(sorted, 0.99) / 1e6,
                        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                        sustained ? "yes" : "no",
                        loadAverage());
                System.out.println(line);
                lines.add(line);
                if (!sustained && missing > done.sent / 10) {
                    break; // far past the ceiling: the next step only piles up a backlog
                }
                Thread.sleep(3000);
            }
            // every ACKed alarm frame must be in the database: an alarm row reached through its received event.
            // The transmitters hang up first and the receiver drains what it still holds.
            for (Link link : shared) {
                link.channel.close();
            }
            Set<String> found = null;
            for (int attempt = 0; found == null; attempt++) {
                Thread.sleep(5000);
                try {
                    found = new HashSet<>(jdbc.sql("select sender || ':' || event_key from received_event"
                                    + " where source = 'SIA' and alarm_id is not null")
                            .query(String.class)
                            .list());
                } catch (org.springframework.dao.DataAccessException busy) {
                    if (attempt >= 12) {
                        throw busy;
                    }
                }
            }
            Set<String> stored = found;
            long missingAlarms =
                    allAckedAlarms.stream().filter(a -> !stored.contains(a)).count();
            lines.add(String.format(
                    "highest sustained rate (every frame ACKed, none refused, ACK rate ≥ 95 %% of offered, p99 < 2 s):"
                            + " %d frames/s",
                    best));
            lines.add(String.format(
                    "ACKed alarm frames: %d; found in the database: %d; missing: %d",
                    allAckedAlarms.size(), allAckedAlarms.size() - missingAlarms, missingAlarms));
            lines.add("load average after: " + loadAverage());
            System.out.println(String.join("\n", lines.subList(lines.size() - 3, lines.size())));
            Path out = Path.of("target/benchmark/dc09.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, String.join("\n", lines) + "\n");
            System.out.println("figures written to " + out.toAbsolutePath());
            return missingAlarms == 0 ? 0 : 1;
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private Step runStep(List<Link> links, Map<String, AtomicInteger> sequences, int rate, int seconds)
            throws InterruptedException {
        int frames = rate * seconds;
        Step current = new Step(rate, frames);
        step = current;
        current.startedNanos = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        int next = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (next < frames) {
            long due = (System.nanoTime() - current.startedNanos) / intervalNanos + 1;
            while (next < frames && next < due) {
                Link link = links.get(next % links.size());
                boolean alarm = random.nextDouble() < ALARM_SHARE;
                int seq = sequences.get(link.account).updateAndGet(s -> s >= 9999 ? 1 : s + 1);
                String sequence = String.format("%04d", seq);
                byte[] frame = frame(link, alarm, sequence);
                link.pending.put(sequence, new Pending(System.nanoTime(), alarm, link.account, sequence));
                link.channel.writeAndFlush(Unpooled.wrappedBuffer(frame));
                next++;
            }
            LockSupport.parkNanos(200_000);
        }
        current.sent = frames;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (current.acked.get() + current.refused.get() < frames && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        step = null;
        // frames never answered: forget them so the next step's answers pair with its own frames
        for (Link link : links) {
            link.pending.clear();
        }
        synchronized (allAckedAlarms) {
            allAckedAlarms.addAll(current.ackedAlarms);
        }
        return current;
    }

    private void answered(Link link, String text) {
        long now = System.nanoTime();
        Step current = step;
        int lf = text.indexOf('\n');
        String body = text.substring(lf + 1 + 8);
        // "ACK"0123…, "*ACK"0123…, "DUH"0123…; a NAK carries sequence 0000 and names no frame
        int quote = body.indexOf('"', 1);
        String sequence = quote > 0 && body.length() >= quote + 5 ? body.substring(quote + 1, quote + 5) : "";
        boolean ack = body.startsWith("\"ACK\"") || body.startsWith("\"*ACK\"");
        if (current == null) {
            return;
        }
        if (!ack) {
            current.refused.incrementAndGet();
            return;
        }
        Pending pending = link.pending.remove(sequence);
        if (pending == null) {
            return;
        }
        int index = current.answered.getAndIncrement();
        if (index < current.latencies.length) {
            current.latencies[index] = now - pending.sentNanos();
        }
        current.lastAnswerNanos.set(now);
        current.acked.incrementAndGet();
        if (pending.alarm()) {
            synchronized (current.ackedAlarms) {
                current.ackedAlarms.add(pending.account() + ":" + pending.sequence());
            }
        }
    }

    // ---- frames from the specification -------------------------------------------------------------------

    static byte[] frame(Link link, boolean alarm, String sequence) {
        String id = alarm ? "ADM-CID" : "NULL";
        String data = alarm ? "#" + link.account + "|1101 01 001" : "";
        String timestamp = timestamp(Instant.now());
        String body;
        if (link.key == null) {
            body = "\"" + id + "\"" + sequence + "R0L0#" + link.account + "[" + data + "]" + timestamp;
        } else {
            body = "\"*" + id + "\"" + sequence + "R0L0#" + link.account + "[" + encrypt(link.key, data, timestamp);
        }
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        String whole =
                "\n" + String.format("%04X", crc(bytes)) + "0" + String.format("%03X", bytes.length) + body + "\r";
        return whole.getBytes(StandardCharsets.US_ASCII);
    }

    static int crc(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ b) & 0xFF];
        }
        return crc;
    }

    static String timestamp(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return String.format(
                "_%02d:%02d:%02d,%02d-%02d-%04d",
                t.getHour(), t.getMinute(), t.getSecond(), t.getMonthValue(), t.getDayOfMonth(), t.getYear());
    }

    static String encrypt(byte[] key, String data, String timestamp) {
        String text = "|" + data + "]" + timestamp;
        StringBuilder plain = new StringBuilder();
        while ((plain.length() + text.length()) % 16 != 0) {
            plain.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        plain.append(text);
        try {
            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(aes.doFinal(plain.toString().getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
