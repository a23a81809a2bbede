package no.varde.ingest.dc09;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The DC-09 pieces against published check values and the specification's examples. */
class Dc09CodecUnitTests {

    @Test
    void crcIsCrc16ArcWithItsPublishedCheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Dc09Crc.of(check, 0, check.length)).isEqualTo(0xBB3D);
        assertThat(Dc09TestSender.crc(check)).isEqualTo(0xBB3D);
    }

    @Test
    void frameWithoutReceiverAndPrefixIsAccepted() {
        byte[] frame = Dc09TestSender.frame("\"SIA-DCS\"0005#1234[#1234|NFA1]", false);
        Dc09Frame parsed = Dc09Frame.parse(java.util.Arrays.copyOfRange(frame, 1, frame.length - 1))
                .frame();
        assertThat(parsed).isNotNull();
        assertThat(parsed.receiver()).isNull();
        assertThat(parsed.prefix()).isNull();
        assertThat(parsed.answerHeader("ACK")).isEqualTo("\"ACK\"0005#1234[");
    }

    @Test
    void contactIdAndSiaEventsAreKeyedForTheAlarmTypeTable() {
        assertThat(Dc09Event.contactId("#1234|1101 01 015"))
                .isEqualTo(new Dc09Event("E101", "015", "01", "Contact ID E101 partisjon 01 sone 015"));
        assertThat(Dc09Event.contactId("#1234|3301 00 000").code()).isEqualTo("R301");
        assertThat(Dc09Event.sia("#1234|Nri1/CL501").code()).isEqualTo("CL");
        assertThat(Dc09Event.sia("#1234|Nri1/CL501").partition()).isEqualTo("1");
        assertThat(Dc09Event.sia("#1234|Nid12/ti10:15/MA3").code()).isEqualTo("MA");
        assertThat(Dc09Event.sia("#1234|garbage")).isNull();
        assertThat(Dc09Event.contactId("#1234|9999")).isNull();
    }
}
