package no.varde.ingest;

import java.util.List;
import no.varde.shared.web.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * PostgreSQL's text and jsonb cannot hold the NUL character, which JSON allows ({@code \u0000}). A valid alarm that
 * carries one must still be stored, so NUL is written as the six visible characters {@code \u0000} wherever Varde
 * keeps text; the original bytes of the request are kept unchanged where Varde stores bytes.
 */
public final class NulEscaping {

    static final String ESCAPE = "\\u0000";

    private NulEscaping() {}

    public static String escape(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", ESCAPE);
    }

    /** A copy of the tree with every NUL in names and string values escaped; the same tree if there is none. */
    public static JsonNode escape(JsonNode node) {
        if (node.isString()) {
            String value = node.asString();
            return value.indexOf('\0') < 0 ? node : StringNode.valueOf(escape(value));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(entry -> copy.set(escape(entry.getKey()), escape(entry.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(escape(element)));
            return copy;
        }
        return node;
    }

    public static List<FieldProblem> escape(List<FieldProblem> problems) {
        return problems.stream()
                .map(problem -> new FieldProblem(escape(problem.field()), escape(problem.message())))
                .toList();
    }
}
