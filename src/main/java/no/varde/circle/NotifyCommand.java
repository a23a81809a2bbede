package no.varde.circle;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The operator's choice: which relatives (by priority, notified in priority order), which template, optional free
 * text, whether to ask for confirmation, whether to escalate down the list when nobody confirms within a time, and
 * whether the operator has seen the warning that a relative is inside the resident's "do not contact" window.
 */
public record NotifyCommand(
        List<Integer> priorities,
        String template,
        @Nullable String freeText,
        boolean askConfirmation,
        @Nullable Duration escalateAfter,
        boolean contactWindowAcknowledged) {

    public NotifyCommand {
        priorities = priorities == null
                ? List.of()
                : priorities.stream().distinct().sorted().toList();
    }
}
