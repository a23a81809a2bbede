package no.varde.ingest.scaip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import no.varde.shared.Utf8;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads a SCAIP {@code <mrq>} the way real devices send it: numbers padded or not, ids with spaces, elements in
 * any order, unknown elements ignored, {@code mty} missing, UTF-8 or ISO-8859-1 (declared or not). Only
 * {@code ref}, {@code cid} and {@code dty} are mandatory.
 */
public final class MrqParser {

    /** snu 1: an element is too long (a ref beyond 64 characters). */
    public static final int TOO_LONG = 1;
    /** snu 2: not XML or not an mrq. */
    public static final int INVALID_FORMAT = 2;
    /** snu 3: wrong data. */
    public static final int WRONG_DATA = 3;
    /** snu 7: a mandatory element is missing. */
    public static final int MANDATORY_MISSING = 7;

    private static final Pattern ENCODING_DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*encoding=");
    private static final Pattern GGA = Pattern.compile(
            "\\$?[A-Z]{2}GGA,[^,]*,(\\d{2})(\\d{2}(?:\\.\\d+)?),([NS]),(\\d{3})(\\d{2}(?:\\.\\d+)?),([EW]),(\\d)");

    private MrqParser() {}

    /** The outcome: an mrq, or the snu to answer with (and the ref when one could be read). */
    public sealed interface Result {}

    public record Parsed(Mrq mrq) implements Result {}

    public record Invalid(int snu, @Nullable String ref, String reason) implements Result {}

    public static Result parse(byte[] body) {
        Document document;
        try {
            document = document(body);
        } catch (SAXException | IOException e) {
            return new Invalid(INVALID_FORMAT, null, "not well-formed XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!"mrq".equalsIgnoreCase(name(root))) {
            return new Invalid(INVALID_FORMAT, null, "the root element is <" + name(root) + ">, not <mrq>");
        }
        Map<String, String> elements = new LinkedHashMap<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element) {
                elements.putIfAbsent(name(element).toLowerCase(Locale.ROOT), text(element));
            }
        }
        String ref = strip(elements.get("ref"));
        String cid = strip(elements.get("cid"));
        String dty = strip(elements.get("dty"));
        StringBuilder missing = new StringBuilder();
        appendIfMissing(missing, "ref", ref);
        appendIfMissing(missing, "cid", cid);
        appendIfMissing(missing, "dty", dty);
        if (!missing.isEmpty()) {
            return new Invalid(MANDATORY_MISSING, ref, "mandatory element missing: " + missing);
        }
        cid = cid.replaceAll("\\s+", "");
        ref = ref.replaceAll("\\s+", "");
        if (!cid.matches("\\d{1,32}")) {
            return new Invalid(WRONG_DATA, ref, "cid must be digits, was '" + elements.get("cid") + "'");
        }
        String type = dty.replaceAll("\\s+", "");
        if (!type.matches("\\d{1,8}")) {
            return new Invalid(WRONG_DATA, ref, "dty must be digits, was '" + elements.get("dty") + "'");
        }
        if (ref.length() > 64) {
            return new Invalid(TOO_LONG, ref.substring(0, 16), "ref is longer than 64 characters");
        }
        Double[] position = position(elements.get("lge"));
        return new Parsed(new Mrq(ref, cid, Mrq.pad(type), position[0], position[1], elements));
    }

    private static Document document(byte[] body) throws SAXException, IOException {
        DocumentBuilder builder = builder();
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
        if (ENCODING_DECLARED.matcher(head).find() || isUtf8(body)) {
            return builder.parse(new ByteArrayInputStream(body));
        }
        // Undeclared and not UTF-8: devices that send Latin-1 without saying so (æøå in texts).
        String latin1 = new String(body, StandardCharsets.ISO_8859_1).replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        return builder.parse(new InputSource(new StringReader(latin1)));
    }

    private static boolean isUtf8(byte[] body) {
        return Utf8.problem(body) == null;
    }

    private static DocumentBuilder builder() {
        try {
            // the JDK's own parser: newInstance() searches every jar's META-INF/services on each call, which made a
            // parse take ~4 ms with a large class path (found by fuzzing: ~250 inputs/s)
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            // no DTDs, no external entities: a device message is data, never a reference to fetch
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            // a message is a handful of elements: build them at once instead of the deferred DOM's large node tables
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Latitude and longitude from an NMEA GGA sentence anywhere in {@code lge}; nulls when there is none. */
    static Double[] position(@Nullable String lge) {
        if (lge == null) {
            return new Double[] {null, null};
        }
        Matcher gga = GGA.matcher(lge.replaceAll("\\s+", ""));
        if (!gga.find() || "0".equals(gga.group(7))) {
            return new Double[] {null, null};
        }
        double latitude = Integer.parseInt(gga.group(1)) + Double.parseDouble(gga.group(2)) / 60;
        double longitude = Integer.parseInt(gga.group(4)) + Double.parseDouble(gga.group(5)) / 60;
        if (latitude > 90 || longitude > 180 || Double.isNaN(latitude) || Double.isNaN(longitude)) {
            // An impossible fix (found by fuzzing: "21311.4" degrees of longitude) is no position; the alarm still
            // arrives, and the operator is not sent to a place that does not exist.
            return new Double[] {null, null};
        }
        return new Double[] {
            "S".equals(gga.group(3)) ? -latitude : latitude, "W".equals(gga.group(6)) ? -longitude : longitude
        };
    }

    private static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** The element's text; nested elements (e.g. {@code <lge><gga>…</gga></lge>}) joined by spaces. */
    private static String text(Element element) {
        return element.getTextContent().strip().replaceAll("\\s*\\n\\s*", " ");
    }

    private static @Nullable String strip(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void appendIfMissing(StringBuilder missing, String name, @Nullable String value) {
        if (value == null) {
            missing.append(missing.isEmpty() ? "" : ", ").append(name);
        }
    }
}
