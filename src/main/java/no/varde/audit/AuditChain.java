package no.varde.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hash chain over the audit trail. {@link #seal} appends the entries of finished transactions to the chain
 * (one node at a time, under an advisory lock; the writers of audit entries never wait for it); {@link #verify}
 * recomputes the chain and names the first entry that was changed, removed or slipped in afterwards.
 */
@Service
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final byte[] GENESIS = new byte[32];
    private static final String SEAL_LOCK = "varde-audit-seal";
    private static final String COLUMNS = "e.id, e.occurred_at, e.username, e.role, e.action, e.resident_id::text"
            + " as resident_id, e.kommunenummer, e.what, e.channel, e.purpose, e.client_address, e.txid::text as txid";

    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Seals at most {@code limit} entries; returns how many. Does nothing when another node is sealing. Only
     * entries of transactions below the snapshot's xmin are taken: those have all committed or aborted, so no
     * entry can later appear below the horizon this seal records.
     */
    @Transactional
    public int seal(int limit) {
        boolean mine = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended(?, 0))")
                .param(SEAL_LOCK)
                .query(Boolean.class)
                .single());
        if (!mine) {
            return 0;
        }
        String horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text")
                .query(String.class)
                .single();
        Link last = jdbc.sql("select seq, hash from audit_chain order by seq desc limit 1")
                .query((rs, row) -> new Link(rs.getLong("seq"), rs.getBytes("hash")))
                .optional()
                .orElse(new Link(0, GENESIS));
        List<Entry> entries = jdbc.sql("select " + COLUMNS + " " + """
                 from audit_event e
                where e.txid < cast(:horizon as xid8)
                  and not exists (select 1 from audit_chain c where c.event_id = e.id)
                order by e.txid, e.id
                limit :limit
                """)
                .param("horizon", horizon)
                .param("limit", limit + 1)
                .query((rs, row) -> Entry.of(rs))
                .list();
        boolean complete = entries.size() <= limit;
        List<Entry> batch = complete ? entries : entries.subList(0, limit);
        long seq = last.seq();
        byte[] hash = last.hash();
        for (Entry entry : batch) {
            hash = next(hash, entry);
            seq++;
            jdbc.sql("insert into audit_chain (seq, event_id, hash) values (?, ?, ?)")
                    .params(seq, entry.id(), hash)
                    .update();
        }
        if (batch.isEmpty()) {
            return 0;
        }
        String previousHorizon = jdbc.sql("select horizon::text from audit_seal order by id desc limit 1")
                .query(String.class)
                .optional()
                .orElse("0");
        // an incomplete run keeps the old horizon: below it, everything is sealed; the rest follows next run
        jdbc.sql("insert into audit_seal (horizon, first_seq, last_seq, last_hash) values (cast(? as xid8), ?, ?, ?)")
                .params(complete ? horizon : previousHorizon, last.seq() + 1, seq, hash)
                .update();
        // the log keeps each seal's hash outside the database too
        log.info(
                "VARDE-AUDIT-0010: sealed {} audit entries (chain {}..{}), chain hash {}",
                batch.size(),
                last.seq() + 1,
                seq,
                HexFormat.of().formatHex(hash));
        return batch.size();
    }

    /** Recomputes the whole chain. */
    @Transactional(readOnly = true)
    public Verification verify() {
        byte[] hash = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        try (var links = jdbc
                .sql("""
                        select c.seq, c.event_id, c.hash, """ + COLUMNS + " " + """
                        from audit_chain c left join audit_event e on e.id = c.event_id
                        order by c.seq
                        """)
                .query((rs, row) -> new Link2(
                        rs.getLong("seq"),
                        rs.getLong("event_id"),
                        rs.getBytes("hash"),
                        rs.getObject("id") == null ? null : Entry.of(rs)))
                .stream()) {
            for (Link2 link : (Iterable<Link2>) links::iterator) {
                if (link.seq() != expectedSeq) {
                    return Verification.broken(
                            checked, link.eventId(), "chain position " + expectedSeq + " is missing");
                }
                if (link.entry() == null) {
                    return Verification.broken(checked, link.eventId(), "the sealed entry has been removed");
                }
                hash = next(hash, link.entry());
                if (!Arrays.equals(hash, link.hash())) {
                    return Verification.broken(
                            checked, link.eventId(), "the entry has been changed since it was sealed");
                }
                expectedSeq++;
                checked++;
            }
        }
        Optional<Long> slippedIn = jdbc.sql("""
                select e.id from audit_event e
                where e.txid < (select horizon from audit_seal order by id desc limit 1)
                  and not exists (select 1 from audit_chain c where c.event_id = e.id)
                order by e.txid, e.id limit 1
                """).query(Long.class).optional();
        if (slippedIn.isPresent()) {
            return Verification.broken(
                    checked, slippedIn.get(), "the entry was added below the sealed horizon after sealing");
        }
        long unsealed = jdbc.sql("select count(*) from audit_event e"
                        + " where not exists (select 1 from audit_chain c where c.event_id = e.id)")
                .query(Long.class)
                .single();
        return new Verification(
                true, checked, unsealed, null, null, HexFormat.of().formatHex(hash));
    }

    /**
     * The result of a check.
     *
     * @param brokenEntryId the first audit entry (audit_event.id) where the chain breaks, when it does
     * @param unsealed entries not yet sealed (written since the last seal)
     * @param chainHash the hash at the end of the verified chain
     */
    public record Verification(
            boolean intact,
            long sealedEntriesChecked,
            long unsealed,
            @Nullable Long brokenEntryId,
            @Nullable String reason,
            @Nullable String chainHash) {

        static Verification broken(long checked, long entryId, String reason) {
            return new Verification(false, checked, 0, entryId, reason, null);
        }
    }

    private record Link(long seq, byte[] hash) {}

    private record Link2(
            long seq, long eventId, byte[] hash, @Nullable Entry entry) {}

    /** The fields an entry is sealed with, in a fixed, unambiguous encoding (length-prefixed UTF-8). */
    record Entry(long id, byte[] canonical) {

        static Entry of(ResultSet rs) throws SQLException {
            long id = rs.getLong("id");
            var out = new java.io.ByteArrayOutputStream();
            ByteBuffer number = ByteBuffer.allocate(16);
            number.putLong(id).putLong(micros(rs.getTimestamp("occurred_at")));
            out.writeBytes(number.array());
            for (String column : List.of(
                    "username",
                    "role",
                    "action",
                    "resident_id",
                    "kommunenummer",
                    "what",
                    "channel",
                    "purpose",
                    "client_address",
                    "txid")) {
                String value = rs.getString(column);
                if (value == null) {
                    out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
                    out.writeBytes(bytes);
                }
            }
            return new Entry(id, out.toByteArray());
        }

        private static long micros(java.sql.Timestamp time) {
            return time.getTime() / 1000 * 1_000_000 + time.getNanos() / 1000;
        }
    }

    static byte[] next(byte[] previous, Entry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            sha256.update(entry.canonical());
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
