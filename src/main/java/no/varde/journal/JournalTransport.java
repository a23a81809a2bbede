package no.varde.journal;

import no.varde.alarm.AlarmId;
import org.jspecify.annotations.Nullable;

/** Carries one document to one municipality's patient record (VKP today; JFT can be a second adapter). */
public interface JournalTransport {

    Result send(JournalEndpoint endpoint, AlarmId alarmId, String document);

    /** What the receiver answered. */
    sealed interface Result {}

    /** Taken over by the receiver: never send it again. */
    record Accepted(int httpStatus) implements Result {}

    /** Refused for its content: sending it again would not help. */
    record Rejected(int httpStatus, String reason) implements Result {}

    /** Not delivered for now (timeout, 5xx, token service down): try again later. */
    record Retry(@Nullable Integer httpStatus, String reason) implements Result {}
}
