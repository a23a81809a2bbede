package no.varde.registry.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.varde.shared.web.FieldProblem;

/** Field problems by field name, for showing each message beside its input. */
record FormErrors(Map<String, String> byField) {

    static FormErrors of(List<FieldProblem> problems) {
        Map<String, String> map = new HashMap<>();
        problems.forEach(p -> map.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return new FormErrors(map);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.getOrDefault(field, "");
    }
}
