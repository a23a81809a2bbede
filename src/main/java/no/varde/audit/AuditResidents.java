package no.varde.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the audit trail needs from the register of residents to answer an access request: names for the resident
 * ids in its lines, and the residents a name or national id stands for. The registry implements it (the registry
 * writes to the audit log, so the audit module cannot call the registry; it names what it needs instead). Both
 * methods work in the signed-in user's need-to-know scope: a municipal administrator gets the municipality's
 * residents, a system administrator everyone.
 */
public interface AuditResidents {

    /**
     * The full names of those of {@code ids} the signed-in user may see; the others are left out. Sending a name
     * is a read of that resident, audited by the audit rule (one READ per user, resident and 10 minutes).
     */
    Map<UUID, String> namesOf(Collection<UUID> ids, String purpose);

    /**
     * The residents the signed-in user may see whose name contains {@code text} (case-insensitive), or, when
     * {@code text} is 11 digits, the one with that national id (found through the registry's blind index; nothing
     * is decrypted). At most {@code limit} + 1, so the caller can tell there were more.
     *
     * @throws no.varde.shared.web.InvalidInputException naming {@code field} when 11 digits are not a valid
     *     national id
     */
    List<UUID> find(String text, int limit, String field);

    /** Whether {@code text} is looked up as a national id rather than a name (11 digits, spaces ignored). */
    static boolean looksLikeNationalId(String text) {
        return text.replace(" ", "").matches("\\d{11}");
    }
}
