package no.varde.alarm;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.varde.shared.security.Role;
import no.varde.shared.security.VardeUser;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guidance per alarm type: a short checklist shown beside the operator's actions (fire: 110 first; a fall without
 * verbal contact: dispatch; an unknown device: identify it through the supplier). Keyed by the VKP alert code, so
 * a kind of alarm has one checklist whichever protocol brought it, and by {@value #UNKNOWN_DEVICE} for alarms from
 * devices Varde does not know. System administrators edit it; every edit is a new version, and a tick on an
 * alarm's timeline names the version it was ticked in.
 */
@Service
public class AlarmGuidance {

    public static final String UNKNOWN_DEVICE = "UNKNOWN_DEVICE";
    public static final int MAX_STEPS = 12;
    public static final int MAX_STEP_LENGTH = 200;
    private static final Pattern SUBJECT = Pattern.compile("[0-9]+(\\.[0-9]+)*|" + UNKNOWN_DEVICE);

    private final JdbcClient jdbc;
    private final AlarmTypeMappings mappings;
    private final Alarms alarms;

    AlarmGuidance(JdbcClient jdbc, AlarmTypeMappings mappings, Alarms alarms) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.alarms = alarms;
    }

    /** One version of a checklist. */
    public record Checklist(
            String subject,
            int version,
            List<String> stepsNb,
            List<String> stepsEn,
            String changedBy,
            Instant changedAt,
            @Nullable String changeNote) {

        public Checklist {
            stepsNb = List.copyOf(stepsNb);
            stepsEn = List.copyOf(stepsEn);
        }

        public List<String> steps(Locale locale) {
            return "en".equals(locale.getLanguage()) ? stepsEn : stepsNb;
        }
    }

    /** A checklist as it applies to one alarm: which of its steps (0-based) the alarm's timeline has ticked. */
    public record AlarmChecklist(Checklist checklist, Set<Integer> ticked, String titleNb, String titleEn) {
        public boolean isTicked(int step) {
            return ticked.contains(step);
        }

        public boolean complete() {
            return ticked.size() >= checklist.stepsNb().size();
        }
    }

    /** A subject an admin may write guidance for, with its name and current version (if any). */
    public record Subject(
            String subject,
            String titleNb,
            String titleEn,
            @Nullable Checklist current) {}

    // ---- reads ------------------------------------------------------------------------------------------

    /** The current version of every subject, and every subject that has none yet (alarm types by VKP code). */
    public List<Subject> subjects() {
        List<Subject> subjects = new ArrayList<>();
        for (String code : knownSubjects()) {
            subjects.add(new Subject(
                    code, titleNb(code), titleEn(code), current(code).orElse(null)));
        }
        return subjects;
    }

    public Optional<Checklist> current(String subject) {
        return jdbc.sql("""
                        select * from alarm_guidance where subject = :subject order by version desc limit 1""")
                .param("subject", subject)
                .query(AlarmGuidance::checklist)
                .optional();
    }

    /** Every version of a subject, newest first. */
    public List<Checklist> history(String subject) {
        requireKnown(subject);
        return jdbc.sql("select * from alarm_guidance where subject = :subject order by version desc")
                .param("subject", subject)
                .query(AlarmGuidance::checklist)
                .list();
    }

    /**
     * The checklists for an alarm the user may see: the alarm type's (by VKP alert code) and, when the device is
     * unknown, the unknown-device checklist first. A step counts as ticked when the alarm's timeline has a tick
     * of that subject and step in the version shown.
     */
    @Transactional(readOnly = true)
    public List<AlarmChecklist> forAlarm(VardeUser user, AlarmId id) {
        Alarm alarm = alarms.findVisibleWithTimeline(user, id).orElseThrow(() -> new NotFoundException("alarm", id));
        List<String> subjects = new ArrayList<>();
        if (alarm.flags().contains(AlarmFlag.UNKNOWN_DEVICE)) {
            subjects.add(UNKNOWN_DEVICE);
        }
        subjects.add(alarm.vkpAlertCode());
        List<AlarmChecklist> lists = new ArrayList<>();
        for (String subject : subjects) {
            current(subject)
                    .ifPresent(checklist -> lists.add(new AlarmChecklist(
                            checklist, ticked(alarm, checklist), titleNb(subject), titleEn(subject))));
        }
        return lists;
    }

    /** The steps of this checklist version the alarm's own timeline (read under need-to-know) has ticked. */
    private static Set<Integer> ticked(Alarm alarm, Checklist checklist) {
        Set<Integer> ticked = new LinkedHashSet<>();
        for (TimelineEntry entry : alarm.timeline()) {
            TimelineDetail.GuidanceStep step = entry.guidanceStep();
            if (step != null && step.subject().equals(checklist.subject()) && step.version() == checklist.version()) {
                ticked.add(step.step());
            }
        }
        return ticked;
    }

    // ---- the operator ticks a step ----------------------------------------------------------------------

    /**
     * Records that the operator holding the alarm did this step: a timeline entry with the step's text in the
     * operator's language. A step already ticked is not recorded twice. Refused for a step that is not in that
     * version (the guidance changed under the operator: the panel is shown again with the new version).
     */
    @Transactional
    public List<AlarmChecklist> tick(
            VardeUser operator, AlarmId id, String subject, int version, int step, Locale locale) {
        Checklist checklist = jdbc.sql("select * from alarm_guidance where subject = :subject and version = :version")
                .param("subject", subject)
                .param("version", version)
                .query(AlarmGuidance::checklist)
                .optional()
                .orElseThrow(
                        () -> InvalidInputException.of("version", "no guidance " + subject + " version " + version));
        if (step < 0 || step >= checklist.stepsNb().size()) {
            throw InvalidInputException.of(
                    "step", "must be 0 to " + (checklist.stepsNb().size() - 1) + " for " + subject + " v" + version);
        }
        if (current(subject).map(Checklist::version).orElse(0) != version) {
            throw InvalidInputException.of("version", "guidance " + subject + " has a newer version than " + version);
        }
        Alarm alarm =
                alarms.findVisibleWithTimeline(operator, id).orElseThrow(() -> new NotFoundException("alarm", id));
        if (!ticked(alarm, checklist).contains(step)) {
            alarms.tickGuidance(
                    operator,
                    id,
                    new TimelineDetail.GuidanceStep(subject, version, step),
                    checklist.steps(locale).get(step));
        }
        return forAlarm(operator, id);
    }

    // ---- system administrators edit ---------------------------------------------------------------------

    /** Adds a version of a subject's checklist; the steps in Norwegian and English, one each, in order. */
    @Transactional
    public Checklist revise(
            VardeUser admin, String subject, List<String> stepsNb, List<String> stepsEn, @Nullable String note) {
        if (admin.role() != Role.SYSTEM_ADMIN) {
            throw new AccessDeniedException("only system administrators edit guidance");
        }
        requireKnown(subject);
        List<String> nb = cleaned(stepsNb);
        List<String> en = cleaned(stepsEn);
        List<FieldProblem> problems = new ArrayList<>();
        checkSteps("stepsNb", stepsNb, nb, problems);
        checkSteps("stepsEn", stepsEn, en, problems);
        if (problems.isEmpty() && nb.size() != en.size()) {
            problems.add(new FieldProblem(
                    "stepsEn", "must have as many steps as stepsNb (" + nb.size() + "), has " + en.size()));
        }
        if (note != null && note.length() > MAX_STEP_LENGTH) {
            problems.add(new FieldProblem("note", "must be at most " + MAX_STEP_LENGTH + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("the guidance is not valid", problems);
        }
        int version = current(subject).map(Checklist::version).orElse(0) + 1;
        try {
            jdbc.sql("""
                            insert into alarm_guidance (subject, version, steps_nb, steps_en, changed_by, change_note)
                            values (:subject, :version, :nb, :en, :by, :note)""")
                    .param("subject", subject)
                    .param("version", version)
                    .param("nb", nb.toArray(String[]::new))
                    .param("en", en.toArray(String[]::new))
                    .param("by", admin.username())
                    .param("note", note == null || note.isBlank() ? null : note.strip())
                    .update();
        } catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("version", "someone else saved version " + version + " just now; reload");
        }
        return current(subject).orElseThrow();
    }

    private static List<String> cleaned(@Nullable List<String> steps) {
        if (steps == null) {
            return List.of();
        }
        return steps.stream()
                .filter(step -> step != null && !step.isBlank())
                .map(String::strip)
                .toList();
    }

    private static void checkSteps(
            String field, @Nullable List<String> raw, List<String> steps, List<FieldProblem> problems) {
        if (steps.isEmpty()) {
            problems.add(new FieldProblem(field, "must have at least one step"));
        } else if (steps.size() > MAX_STEPS) {
            problems.add(new FieldProblem(field, "must have at most " + MAX_STEPS + " steps, has " + steps.size()));
        }
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            if (step.length() > MAX_STEP_LENGTH) {
                problems.add(
                        new FieldProblem(field + "[" + i + "]", "must be at most " + MAX_STEP_LENGTH + " characters"));
            }
            if (step.chars().anyMatch(c -> c < 0x20)) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must not contain control characters"));
            }
        }
    }

    // ---- subjects ---------------------------------------------------------------------------------------

    /** The unknown-device subject and every VKP alert code of an alarm or technical type in the table. */
    private List<String> knownSubjects() {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(UNKNOWN_DEVICE);
        mappings.all().stream()
                .filter(mapping -> mapping.category() != AlarmCategory.INFO)
                .map(AlarmTypeMapping::vkpAlertCode)
                .sorted(AlarmGuidance::byCode)
                .forEach(codes::add);
        return List.copyOf(codes);
    }

    private void requireKnown(String subject) {
        if (subject == null
                || !SUBJECT.matcher(subject).matches()
                || !knownSubjects().contains(subject)) {
            throw new NotFoundException("guidance subject", subject);
        }
    }

    /** The name of a subject: the first alarm type with that code (HTTP's names are the plainest). */
    private String titleNb(String subject) {
        return UNKNOWN_DEVICE.equals(subject) ? "Ukjent enhet" : title(subject, true);
    }

    private String titleEn(String subject) {
        return UNKNOWN_DEVICE.equals(subject) ? "Unknown device" : title(subject, false);
    }

    private String title(String code, boolean nb) {
        return mappings.all().stream()
                .filter(mapping -> mapping.vkpAlertCode().equals(code) && mapping.category() != AlarmCategory.INFO)
                .sorted((a, b) -> Boolean.compare(
                        !"HTTP".equals(a.source().name()),
                        !"HTTP".equals(b.source().name())))
                .map(mapping -> nb ? mapping.titleNb() : mapping.titleEn())
                .findFirst()
                .orElse("VKP " + code);
    }

    private static int byCode(String a, String b) {
        int[] x = Arrays.stream(a.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] y = Arrays.stream(b.split("\\.")).mapToInt(Integer::parseInt).toArray();
        return Arrays.compare(x, y);
    }

    private static Checklist checklist(ResultSet row, int rowNum) throws SQLException {
        return new Checklist(
                row.getString("subject"),
                row.getInt("version"),
                strings(row.getArray("steps_nb")),
                strings(row.getArray("steps_en")),
                row.getString("changed_by"),
                row.getTimestamp("changed_at").toInstant(),
                row.getString("change_note"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
