package no.varde.circle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** System administrators edit the messages to relatives; the rules keep personal details out of them. */
@Service
public class SmsTemplateEditor {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final List<String> PLACEHOLDERS = List.of("pårørende", "beboer");

    private final SmsTemplates templates;
    private final AuditLog audit;
    private final Clock clock;

    SmsTemplateEditor(SmsTemplates templates, AuditLog audit, Clock clock) {
        this.templates = templates;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SmsTemplate save(
            VardeUser admin,
            String code,
            @Nullable String name,
            @Nullable String body,
            boolean allowFreeText,
            @Nullable Integer position) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!SmsTemplate.CODE.matcher(code).matches()) {
            problems.add(new FieldProblem("code", "2–40 of a–z, 0–9 and -"));
        }
        if (name == null || name.isBlank() || name.strip().length() > 80) {
            problems.add(new FieldProblem("name", "is required, at most 80 characters"));
        }
        String text = body == null ? "" : body.strip();
        if (text.length() < 10 || text.length() > 400) {
            problems.add(new FieldProblem("body", "10 to 400 characters"));
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                problems.add(new FieldProblem(
                        "body", "unknown placeholder {" + matcher.group(1) + "}; use {pårørende} or {beboer}"));
            }
        }
        if (text.matches("(?s).*\\d{6}.*")) {
            problems.add(new FieldProblem("body", "must not contain long numbers (national ids, phone numbers)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("invalid SMS template", problems);
        }
        SmsTemplate template =
                new SmsTemplate(code, name.strip(), text, allowFreeText, position == null ? 0 : position);
        templates.save(template, admin.username(), clock.instant());
        audit.general(AuditAction.UPDATE, null, "SMS template for relatives '" + code + "' saved");
        return template;
    }
}
