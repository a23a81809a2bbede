package no.varde.ingest.scaip;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Varde's answer to one mrq, sent as its own SIP MESSAGE: {@code ref} echoed, {@code snu} the result, and the
 * media reply, call handling and heartbeat interval where they apply.
 */
public record Mrs(
        String ref,
        int snu,
        @Nullable String text,
        @Nullable String mediaReply,
        @Nullable String callHandling,
        @Nullable String telephoneNumber,
        @Nullable String heartbeatInterval) {

    public static final String CONTENT_SUBTYPE = "scaip+xml";

    public byte[] xml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><mrs>");
        element(xml, "ref", ref);
        element(xml, "snu", Integer.toString(snu));
        element(xml, "ste", text);
        element(xml, "cve", "varde");
        element(xml, "mre", mediaReply);
        element(xml, "cre", callHandling);
        element(xml, "tnu", telephoneNumber);
        element(xml, "hbi", heartbeatInterval);
        return xml.append("</mrs>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(StringBuilder xml, String name, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            xml.append('<').append(name).append('>');
            xml.append(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
            xml.append("</").append(name).append('>');
        }
    }
}
