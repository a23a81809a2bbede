package no.varde.ingest.scaip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Lenient SCAIP parsing as real devices need it; only ref, cid and dty are mandatory. */
class MrqParserUnitTests {

    @Test
    void unpaddedNumbersSpacedIdsAnyOrderAndUnknownElementsAreRead() {
        Mrq mrq = parsed("<mrq><stc>10</stc><foo>bar</foo><dty>3</dty><cid>47 1813 00001</cid><ref>A1</ref></mrq>");
        assertThat(mrq.cid()).isEqualTo("47181300001");
        assertThat(mrq.code()).isEqualTo("0003:0010");
        assertThat(mrq.messageType()).isEqualTo("ME");
        assertThat(mrq.supervision()).isFalse();
    }

    @Test
    void heartbeatsAndTestTransmissionsAreSupervision() {
        assertThat(parsed("<mrq><ref>1</ref><cid>1</cid><dty>31</dty><mty>pi</mty></mrq>")
                        .supervision())
                .isTrue();
        assertThat(parsed("<mrq><ref>1</ref><cid>1</cid><dty>31</dty><stc>0102</stc></mrq>")
                        .supervision())
                .isTrue();
        assertThat(parsed("<mrq><ref>1</ref><cid>1</cid><dty>31</dty><stc>103</stc></mrq>")
                        .supervision())
                .isTrue();
    }

    @Test
    void undeclaredLatin1AndDeclaredEncodingsAreBothRead() {
        byte[] latin1 = "<mrq><ref>1</ref><cid>1</cid><dty>3</dty><lte>Kjøkken</lte></mrq>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(((MrqParser.Parsed) MrqParser.parse(latin1)).mrq().get("lte"))
                .isEqualTo("Kjøkken");
        byte[] utf8 =
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mrq><ref>1</ref><cid>1</cid><dty>3</dty><lte>Bad</lte></mrq>"
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(((MrqParser.Parsed) MrqParser.parse(utf8)).mrq().get("lte")).isEqualTo("Bad");
    }

    @Test
    void ggaPositionBecomesLatitudeAndLongitude() {
        Mrq mrq = parsed("<mrq><ref>1</ref><cid>1</cid><dty>3</dty>"
                + "<lge><gga>$GPGGA,101500,6528.200,N,01212.600,W,1,08,0.9,15.0,M,39.0,M,,*47</gga></lge></mrq>");
        assertThat(mrq.latitude()).isCloseTo(65.47, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mrq.longitude()).isCloseTo(-12.21, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void missingMandatoryElementIsSnu7AndNotAnMrqIsSnu2() {
        assertThat(MrqParser.parse(bytes("<mrq><ref>9</ref><dty>3</dty></mrq>")))
                .isEqualTo(new MrqParser.Invalid(7, "9", "mandatory element missing: cid"));
        assertThat(((MrqParser.Invalid) MrqParser.parse(bytes("<mrs><ref>9</ref></mrs>"))).snu())
                .isEqualTo(2);
        assertThat(((MrqParser.Invalid) MrqParser.parse(bytes("not xml"))).snu())
                .isEqualTo(2);
        assertThat(((MrqParser.Invalid) MrqParser.parse(
                                bytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><mrq>&e;</mrq>")))
                        .snu())
                .isEqualTo(2);
    }

    @Test
    void aRefLongerThan64CharactersIsSnu1WithItsFirst16CharactersEchoed() {
        String ref = "R".repeat(65);
        assertThat(MrqParser.parse(bytes("<mrq><ref>" + ref + "</ref><cid>4718</cid><dty>3</dty></mrq>")))
                .isEqualTo(new MrqParser.Invalid(1, "R".repeat(16), "ref is longer than 64 characters"));
        assertThat(MrqParser.parse(bytes("<mrq><ref>" + "R".repeat(64) + "</ref><cid>4718</cid><dty>3</dty></mrq>")))
                .isInstanceOf(MrqParser.Parsed.class);
    }

    private static Mrq parsed(String xml) {
        return ((MrqParser.Parsed) MrqParser.parse(bytes(xml))).mrq();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
