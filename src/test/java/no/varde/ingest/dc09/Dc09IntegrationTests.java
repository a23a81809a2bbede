package no.varde.ingest.dc09;

import static no.varde.ingest.dc09.Dc09TestSender.clear;
import static no.varde.ingest.dc09.Dc09TestSender.encrypted;
import static no.varde.ingest.dc09.Dc09TestSender.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.varde.ingest.ProtocolTestConfiguration;
import no.varde.ingest.ProtocolTestConfiguration.SwitchableReception;
import no.varde.ingest.credentials.Dc09Keys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The DC-09 receiver against an independent transmitter built from the specification, over TCP and UDP: clear
 * and encrypted frames, both payload kinds, NULL, bad CRC, old timestamp, duplicate sequence, split and batched
 * segments, DUH without dropping the connection, and silence when reception cannot commit.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProtocolTestConfiguration.class)
class Dc09IntegrationTests {

    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    @Autowired
    Dc09Receiver receiver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dc09Keys keys;

    @Autowired
    SwitchableReception reception;

    @Autowired
    Clock clock;

    @AfterEach
    void receptionBack() {
        reception.unavailable(false);
    }

    @Test
    void clearSiaDcsFireIsAcknowledgedAfterItIsCommittedAsAnAlarmOfTheDevice() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(clear("SIA-DCS", "0001", account, "#" + account + "|Nri1/FA12", now()), false));
            assertThat(sender.answer()).isEqualTo("\"ACK\"0001R0001L0001#" + account + "[]");
        }
        assertThat(alarm(account, "0001")).isEqualTo("FA|ALARM|4.11|false|12|1");
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 24, 32})
    void encryptedContactIdIsAnsweredWithAnEncryptedAckCarryingTheTime(int keyBytes) throws Exception {
        String account = account();
        byte[] key = new byte[keyBytes];
        ThreadLocalRandom.current().nextBytes(key);
        keys.set(account, HexFormat.of().formatHex(key), "test");
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(
                    frame(encrypted("ADM-CID", "0042", account, "#" + account + "|1101 01 015", now(), key), false));
            String answer = sender.answer();
            String prefix = "\"*ACK\"0042R0001L0001#" + account + "[";
            assertThat(answer).startsWith(prefix);
            String plain = Dc09TestSender.decrypt(answer.substring(prefix.length()), key);
            assertThat(plain).matches("[^|]*\\|\\]_\\d{2}:\\d{2}:\\d{2},\\d{2}-\\d{2}-\\d{4}");
        }
        assertThat(alarm(account, "0042")).isEqualTo("E101|ALARM|3|true|015|01");
    }

    @Test
    void contactIdRestoreIsKeyedWithItsQualifier() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(clear("ADM-CID", "0007", account, "#" + account + "|3101 00 001", now()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"0007");
        }
        assertThat(alarm(account, "0007")).startsWith("R101|INFO|");
    }

    @Test
    void nullFrameIsSupervisionAcknowledgedAndRecordsLastHeard() throws Exception {
        String account = knownAccount();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame("\"NULL\"0003R0001L0001#" + account + "[]" + Dc09TestSender.timestamp(now()), false));
            assertThat(sender.answer()).isEqualTo("\"ACK\"0003R0001L0001#" + account + "[]");
        }
        assertThat(alarmCount(account, "0003")).isZero();
        assertThat(jdbc.sql("select count(*) from device where upper(sia_account) = ? and last_heard_at is not null")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badCrcGetsNoAnswerAndTheConnectionGoesOn() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(clear("SIA-DCS", "0010", account, "#" + account + "|NMA1", now()), true));
            sender.send(frame(clear("SIA-DCS", "0011", account, "#" + account + "|NMA1", now()), false));
            // the first answer on the connection is the good frame's: the bad one got none
            assertThat(sender.answer()).startsWith("\"ACK\"0011");
        }
        assertThat(alarmCount(account, "0010")).isZero();
        assertThat(alarmCount(account, "0011")).isEqualTo(1);
    }

    @Test
    void frameOutsideTheTimeWindowIsAnsweredNakWithTheReceiversTime() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(
                    frame(clear("SIA-DCS", "0020", account, "#" + account + "|NFA1", now().minusSeconds(300)), false));
            String nak = sender.answer();
            assertThat(nak).matches("\"NAK\"0000R0L0A0\\[\\]_\\d{2}:\\d{2}:\\d{2},\\d{2}-\\d{2}-\\d{4}");
        }
        assertThat(alarmCount(account, "0020")).isZero();
    }

    @Test
    void repeatedSequenceIsAcknowledgedAgainButMakesOneAlarm() throws Exception {
        String account = account();
        byte[] frame = frame(clear("ADM-CID", "0030", account, "#" + account + "|1100 00 001", now()), false);
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame);
            assertThat(sender.answer()).startsWith("\"ACK\"0030");
            sender.send(frame);
            assertThat(sender.answer()).startsWith("\"ACK\"0030");
        }
        assertThat(alarmCount(account, "0030")).isEqualTo(1);
    }

    @Test
    void sequencesWrapAfter9999AndTheSameSequenceAfterTheDedupWindowIsANewEvent() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(clear("ADM-CID", "9999", account, "#" + account + "|1101 00 001", now()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"9999");
            // after 9999 the transmitter wraps round to 0001: a new event, not a repeat
            sender.send(frame(clear("ADM-CID", "0001", account, "#" + account + "|1101 00 002", now()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"0001");
            // 9999 again within the window is a retransmission: acknowledged, not processed twice
            sender.send(frame(clear("ADM-CID", "9999", account, "#" + account + "|1101 00 001", now()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"9999");
        }
        assertThat(alarmCount(account, "9999")).isEqualTo(1);
        assertThat(alarmCount(account, "0001")).isEqualTo(1);

        // eleven minutes later (its reception moved back past the 10-minute window) the transmitter has gone round
        // the sequences once more: 9999 is a new event, a second alarm
        assertThat(jdbc.sql("update received_event set received_at = received_at - interval '11 minutes'"
                                + " where source = 'SIA' and sender = ? and event_key = '9999'")
                        .param(account)
                        .update())
                .isEqualTo(1);
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(clear("ADM-CID", "9999", account, "#" + account + "|1101 00 003", now()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"9999");
        }
        assertThat(alarmCount(account, "9999")).isEqualTo(2);
        assertThat(alarmCount(account, "0001")).isEqualTo(1);
    }

    @Test
    void framesSplitOverSegmentsAndBatchedInOneAreAllAnsweredInOrder() throws Exception {
        String account = account();
        byte[] first = frame(clear("SIA-DCS", "0101", account, "#" + account + "|NQA1", now()), false);
        byte[] second = frame(clear("SIA-DCS", "0102", account, "#" + account + "|NPA2", now()), false);
        byte[] third = frame(clear("ADM-CID", "0103", account, "#" + account + "|1120 00 003", now()), false);
        byte[] batch = new byte[second.length + third.length];
        System.arraycopy(second, 0, batch, 0, second.length);
        System.arraycopy(third, 0, batch, second.length, third.length);
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(
                    Arrays.copyOfRange(first, 0, 7),
                    Arrays.copyOfRange(first, 7, 30),
                    Arrays.copyOfRange(first, 30, first.length));
            sender.send(batch);
            assertThat(List.of(sender.answer(), sender.answer(), sender.answer()))
                    .extracting(answer -> answer.substring(0, 9))
                    .containsExactly("\"ACK\"0101", "\"ACK\"0102", "\"ACK\"0103");
        }
        assertThat(alarm(account, "0101")).startsWith("QA|");
        assertThat(alarm(account, "0102")).startsWith("PA|");
        assertThat(alarm(account, "0103")).startsWith("E120|");
    }

    @Test
    void udpFrameIsAnsweredToItsSender() throws Exception {
        String account = account();
        String answer = Dc09TestSender.udp(
                receiver.port(),
                frame(clear("ADM-CID", "0200", account, "#" + account + "|1301 00 000", now()), false));
        assertThat(answer).isEqualTo("\"ACK\"0200R0001L0001#" + account + "[]");
        assertThat(alarm(account, "0200")).startsWith("E301|TECHNICAL|1.19|");
    }

    @Test
    void unreadableDataAndMissingKeysGetDuhWithoutDroppingTheConnection() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            sender.send(frame(clear("SIA-DCS", "0301", account, "#" + account + "|garbage", now()), false));
            assertThat(sender.answer()).isEqualTo("\"DUH\"0301R0001L0001#" + account + "[]");
            sender.send(
                    frame(encrypted("SIA-DCS", "0302", account, "#" + account + "|NFA1", now(), new byte[16]), false));
            assertThat(sender.answer()).isEqualTo("\"DUH\"0302R0001L0001#" + account + "[]");
            sender.send(frame(clear("SIA-DCS", "0303", account, "#" + account + "|NFA1", now()), false));
            assertThat(sender.answer()).startsWith("\"ACK\"0303");
        }
        assertThat(alarmCount(account, "0301")).isZero();
        assertThat(alarmCount(account, "0302")).isZero();
        assertThat(jdbc.sql("select count(*) from rejected_input where source = 'SIA' and sender = ?")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void knownAccountWithTheWrongKeyRaisesOneTechnicalAlarm() throws Exception {
        // not an account another test has just made raise its (rate-limited) technical alarm
        String account = jdbc.sql("select upper(d.sia_account) from device d where d.sia_account is not null"
                        + " and not exists (select 1 from protocol_alert a where a.source = 'SIA'"
                        + " and a.sender = upper(d.sia_account)) order by random() limit 1")
                .query(String.class)
                .single();
        keys.set(account, "000102030405060708090a0b0c0d0e0f", "test");
        byte[] wrong = HexFormat.of().parseHex("f0e0d0c0b0a090807060504030201000");
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            for (String seq : List.of("0401", "0402")) {
                sender.send(
                        frame(encrypted("ADM-CID", seq, account, "#" + account + "|1101 00 001", now(), wrong), false));
                assertThat(sender.answer()).startsWith("\"DUH\"" + seq);
            }
        }
        assertThat(jdbc.sql("select count(*) from alarm where source = 'SIA' and source_code = 'DECRYPT_FAILED'"
                                + " and details ->> 'account' = ?")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        keys.remove(account);
    }

    @Test
    void whenReceptionCannotCommitTheTransmitterGetsNoAnswer() throws Exception {
        String account = account();
        try (Dc09TestSender sender = new Dc09TestSender(receiver.port())) {
            reception.unavailable(true);
            sender.send(frame(clear("SIA-DCS", "0501", account, "#" + account + "|NFA1", now()), false));
            assertThat(reception.refused().tryAcquire(30, TimeUnit.SECONDS)).isTrue();
            reception.unavailable(false);
            // the silence is proven by order: after reception is back, the next answer is the next frame's
            sender.send(frame(clear("SIA-DCS", "0502", account, "#" + account + "|NFA1", now()), false));
            String first = sender.answer();
            assertThat(first).startsWith("\"ACK\"0502").as("no ACK and never DUH for 0501");
        }
        assertThat(alarmCount(account, "0501")).isZero();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Instant now() {
        return clock.instant();
    }

    /** An account no device has (unknown devices still become alarms, flagged). */
    private static String account() {
        return String.format(
                "F%07X", (ThreadLocalRandom.current().nextInt(0xFFFFF) << 4) + ACCOUNTS.incrementAndGet() % 16);
    }

    /** An account of a demo device. */
    private String knownAccount() {
        return jdbc.sql("select upper(sia_account) from device where sia_account is not null order by random() limit 1")
                .query(String.class)
                .single();
    }

    private String alarm(String account, String sequence) {
        return jdbc.sql(
                        "select source_code || '|' || category || '|' || vkp_alert_code || '|'"
                                + " || coalesce(details ->> 'encrypted', '') || '|' || coalesce(details ->> 'deviceType', '')"
                                + " || '|' || coalesce(details ->> 'component', '') from alarm where details ->> 'senderIdentity' = ?")
                .param("SIA:" + account + ":" + sequence)
                .query(String.class)
                .single();
    }

    private long alarmCount(String account, String sequence) {
        return jdbc.sql("select count(*) from alarm where details ->> 'senderIdentity' = ?")
                .param("SIA:" + account + ":" + sequence)
                .query(Long.class)
                .single();
    }
}
