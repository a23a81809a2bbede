package no.varde.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.varde.audit.AuditAction;
import no.varde.audit.AuditLog;
import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;
import no.varde.shared.crypto.PersonalIdCipher;
import no.varde.shared.web.ConflictException;
import no.varde.shared.web.FieldProblem;
import no.varde.shared.web.InvalidInputException;
import no.varde.shared.web.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents (tjenestemottakere). Every method takes the caller's {@link AccessScope} and filters in SQL,
 * so a user bound to one municipality can never read another's residents; every read and write is audited in
 * the same transaction.
 */
@Service
public class Residents {

    private final JdbcClient jdbc;
    private final PersonalIdCipher cipher;
    private final AuditLog audit;
    private final Municipalities municipalities;
    private final ApplicationEventPublisher events;

    Residents(
            JdbcClient jdbc,
            PersonalIdCipher cipher,
            AuditLog audit,
            Municipalities municipalities,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.audit = audit;
        this.municipalities = municipalities;
    }

    /** Searches by name or address words; an 11-digit query finds the resident with that national id. */
    @Transactional
    public Page<ResidentSummary> search(
            AccessScope scope, @Nullable String query, @Nullable Kommunenummer kommune, int page, int size) {
        if (scope.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        String text = query == null ? "" : query.strip();
        byte[] idHash = NationalId.isValid(text) ? cipher.lookupHash(text) : null;
        String where = "where" + NeedToKnow.within("r.kommunenummer") + """
                  and (cast(:kommune as text) is null or r.kommunenummer = :kommune)
                  and (cast(:idHash as bytea) is not null and r.national_id_hash = :idHash
                       or cast(:idHash as bytea) is null and (:text = '' or
                          (r.given_name || ' ' || r.family_name || ' ' || r.street_address || ' ' || r.postal_place)
                              ilike '%' || :text || '%'))
                """;
        long total = bind(jdbc.sql("select count(*) from resident r " + where), scope, kommune, text, idHash)
                .query(Long.class)
                .single();
        List<ResidentSummary> items = bind(
                        jdbc.sql("select r.*, (select count(*) from device d where d.resident_id = r.id) as devices"
                                + " from resident r " + where
                                + " order by r.family_name, r.given_name, r.id limit :limit offset :offset"),
                        scope,
                        kommune,
                        text,
                        idHash)
                .param("limit", size)
                .param("offset", page * size)
                .query((rs, row) -> summary(rs))
                .list();
        audit.general(
                AuditAction.SEARCH,
                kommune,
                "resident search" + (text.isEmpty() ? "" : idHash != null ? " by national id" : " '" + text + "'")
                        + ": " + items.size() + " of " + total + " shown");
        // Each resident whose name, birth date and address the user now sees is a read of that resident, filed
        // under the resident's municipality so its admin sees it (one entry per user and resident in 10 minutes).
        java.util.Map<java.util.UUID, Kommunenummer> shown = new java.util.LinkedHashMap<>();
        items.forEach(item -> shown.put(item.id().value(), item.kommunenummer()));
        audit.residentsShown(shown, "resident search result");
        return new Page<>(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec,
            AccessScope scope,
            @Nullable Kommunenummer kommune,
            String text,
            byte @Nullable [] idHash) {
        return spec.params(NeedToKnow.params(scope))
                .param("kommune", kommune == null ? null : kommune.value())
                .param("text", text)
                .param("idHash", idHash);
    }

    /** The whole resident, for the resident card. Audited as a read. */
    @Transactional
    public Resident get(AccessScope scope, ResidentId id, String purposeDetail) {
        Resident resident = load(scope, id).orElseThrow(() -> new NotFoundException("resident", id));
        audit.resident(AuditAction.READ, id.value(), resident.kommunenummer(), purposeDetail);
        return resident;
    }

    /**
     * The whole resident for a part of a page that is loaded or re-rendered again while the user has the resident
     * open (a panel's htmx load, a poll): audited by the audit rule, one READ per user, resident and 10 minutes,
     * instead of one per request.
     */
    @Transactional
    public Resident getShown(AccessScope scope, ResidentId id, String purposeDetail) {
        Resident resident = load(scope, id).orElseThrow(() -> new NotFoundException("resident", id));
        audit.residentsShown(java.util.Map.of(id.value(), resident.kommunenummer()), purposeDetail);
        return resident;
    }

    /**
     * The resident's whole national id, which pages show masked until the user asks for it. Each time is audited as
     * its own REVEAL entry (never absorbed by the 10-minute rule for reads): who saw the full id, and when.
     */
    @Transactional
    public NationalId revealNationalId(AccessScope scope, ResidentId id, String purposeDetail) {
        Resident resident = load(scope, id).orElseThrow(() -> new NotFoundException("resident", id));
        audit.resident(AuditAction.REVEAL, id.value(), resident.kommunenummer(), purposeDetail);
        return resident.nationalId();
    }

    @Transactional
    public Resident create(AccessScope scope, ResidentDraft draft) {
        ResidentId id = new ResidentId(UUID.randomUUID());
        insert(scope, id, draft);
        Resident created = load(scope, id).orElseThrow();
        audit.resident(AuditAction.CREATE, id.value(), created.kommunenummer(), "resident created");
        return created;
    }

    /**
     * Creates all residents or none. Call {@link #problemsOf} first for a report of every bad row; this method
     * still refuses invalid input.
     */
    @Transactional
    public List<ResidentId> createAll(AccessScope scope, List<ResidentDraft> drafts) {
        List<ResidentId> ids = new java.util.ArrayList<>();
        for (ResidentDraft draft : drafts) {
            ResidentId id = new ResidentId(UUID.randomUUID());
            insert(scope, id, draft);
            audit.resident(
                    AuditAction.IMPORT, id.value(), Kommunenummer.of(draft.kommunenummer()), "resident imported");
            ids.add(id);
        }
        return ids;
    }

    /** Everything wrong with the draft for a new resident, without saving anything. */
    public List<FieldProblem> problemsOf(AccessScope scope, ResidentDraft draft) {
        try {
            check(scope, draft);
            ensureUniqueNationalId(scope, draft, null);
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    /** The id of the resident with this national id, if the scope allows it. Not audited: no personal data. */
    public Optional<ResidentId> findIdByNationalId(AccessScope scope, String nationalId) {
        if (!NationalId.isValid(nationalId)) {
            return Optional.empty();
        }
        return jdbc.sql("select id from resident where national_id_hash = :hash" + " and"
                        + NeedToKnow.within("kommunenummer"))
                .param("hash", cipher.lookupHash(nationalId))
                .params(NeedToKnow.params(scope))
                .query(UUID.class)
                .optional()
                .map(ResidentId::new);
    }

    private void insert(AccessScope scope, ResidentId id, ResidentDraft draft) {
        check(scope, draft);
        String nationalId = draft.nationalId().strip();
        ensureUniqueNationalId(scope, draft, null);
        jdbc.sql("""
                insert into resident (id, kommunenummer, given_name, family_name, birth_date, national_id_cipher,
                    national_id_hash, street_address, postal_code, postal_place, phone, mobile_phone, entry_method,
                    entry_details, operator_notes, epj_id, active)
                values (:id, :kommune, :givenName, :familyName, :birthDate, :cipher, :hash, :street, :postalCode,
                    :postalPlace, :phone, :mobile, :entryMethod, :entryDetails, :notes, :epjId, :active)
                """).paramSource(columns(id, draft, nationalId)).update();
        saveRelatives(id, draft);
    }

    @Transactional
    public Resident update(AccessScope scope, ResidentId id, int expectedVersion, ResidentDraft draft) {
        return update(scope, id, expectedVersion, draft, false);
    }

    /**
     * As {@link #update(AccessScope, ResidentId, int, ResidentDraft)}; with {@code keepNationalIdWhenBlank} an empty
     * national id keeps the stored one. The edit page uses it: it never sends the whole id to the browser (the id is
     * masked), so an empty field means "unchanged".
     */
    @Transactional
    public Resident update(
            AccessScope scope,
            ResidentId id,
            int expectedVersion,
            ResidentDraft draft,
            boolean keepNationalIdWhenBlank) {
        Resident before = load(scope, id).orElseThrow(() -> new NotFoundException("resident", id));
        if (keepNationalIdWhenBlank && ResidentDraft.blank(draft.nationalId())) {
            draft = draft.withNationalId(before.nationalId().value());
        }
        check(scope, draft);
        String nationalId = draft.nationalId().strip();
        ensureUniqueNationalId(scope, draft, id);
        int updated = jdbc.sql("""
                update resident set kommunenummer = :kommune, given_name = :givenName, family_name = :familyName,
                    birth_date = :birthDate, national_id_cipher = :cipher, national_id_hash = :hash,
                    street_address = :street, postal_code = :postalCode, postal_place = :postalPlace, phone = :phone,
                    mobile_phone = :mobile, entry_method = :entryMethod, entry_details = :entryDetails,
                    operator_notes = :notes, epj_id = :epjId, active = :active, version = version + 1,
                    updated_at = now()
                where id = :id and version = :version
                """)
                .paramSource(columns(id, draft, nationalId).addValue("version", expectedVersion))
                .update();
        if (updated == 0) {
            throw new ConflictException("VARDE-REG-0002: resident " + id + " was changed by someone else (version "
                    + before.version() + "); reload and try again");
        }
        saveRelatives(id, draft);
        Resident after = load(scope, id).orElseThrow();
        audit.resident(AuditAction.UPDATE, id.value(), after.kommunenummer(), "resident updated");
        return after;
    }

    /** Whether the resident lives in that municipality and the scope allows it. Not audited: reveals ids only. */
    public boolean exists(AccessScope scope, ResidentId id, Kommunenummer kommunenummer) {
        return jdbc.sql("select count(*) from resident where id = ? and kommunenummer = ?")
                                .params(id.value(), kommunenummer.value())
                                .query(Long.class)
                                .single()
                        > 0
                && scope.allows(kommunenummer);
    }

    public long count() {
        return jdbc.sql("select count(*) from resident").query(Long.class).single();
    }

    private void check(AccessScope scope, ResidentDraft draft) {
        List<FieldProblem> problems = draft.validate();
        if (problems.isEmpty()) {
            Kommunenummer kommune = Kommunenummer.of(draft.kommunenummer());
            if (!municipalities.exists(kommune)) {
                problems = List.of(new FieldProblem("kommunenummer", "no municipality " + kommune + " in the region"));
            } else if (!scope.allows(kommune)) {
                problems = List.of(new FieldProblem("kommunenummer", "you may not register residents in " + kommune));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("The resident has invalid fields", problems);
        }
    }

    /**
     * One resident per national id. A holder the user may see is named as a duplicate. A holder outside the
     * user's scope is not revealed: the answer does not say that the id is registered, nor where, and the attempt
     * is audited under the holder (its municipality's admin and the system admins see it, and which resident it
     * hit). A person who moves is transferred by a system administrator ({@link #transfer}).
     */
    private void ensureUniqueNationalId(AccessScope scope, ResidentDraft draft, @Nullable ResidentId self) {
        Optional<Holder> holder = jdbc.sql("select id, kommunenummer from resident where national_id_hash = ?")
                .param(cipher.lookupHash(draft.nationalId().strip()))
                .query((rs, row) ->
                        new Holder(rs.getObject("id", UUID.class), new Kommunenummer(rs.getString("kommunenummer"))))
                .optional();
        if (holder.isEmpty() || self != null && holder.get().id().equals(self.value())) {
            return;
        }
        if (scope.allows(holder.get().kommunenummer())) {
            throw InvalidInputException.of("nationalId", "another resident is registered with this national id");
        }
        audit.refused(
                holder.get().id(),
                holder.get().kommunenummer(),
                "national-id conflict: " + (self == null ? "registering a new resident" : "editing resident " + self)
                        + " in " + draft.kommunenummer().strip() + " with this resident's national id was refused");
        throw InvalidInputException.of("nationalId", NOT_REGISTRABLE);
    }

    /** The same words whatever the reason, so the answer reveals nothing about other municipalities' residents. */
    static final String NOT_REGISTRABLE = "VARDE-REG-0010: this national id cannot be registered by you;"
            + " if the person has moved here from another municipality, a system administrator transfers the record";

    private record Holder(UUID id, Kommunenummer kommunenummer) {}

    /**
     * Moves a resident who has moved to another municipality, with the devices assigned to them, so the person is
     * never registered twice. System administrators only (they see every municipality); audited as a TRANSFER
     * in both municipalities' trails.
     */
    @Transactional
    public Resident transfer(AccessScope scope, ResidentId id, Kommunenummer to) {
        if (!scope.everything()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "VARDE-REG-0011: only a system administrator transfers residents between municipalities");
        }
        Resident before = load(scope, id).orElseThrow(() -> new NotFoundException("resident", id));
        if (!municipalities.exists(to)) {
            throw InvalidInputException.of("kommunenummer", "no municipality " + to + " in the region");
        }
        if (before.kommunenummer().equals(to)) {
            throw InvalidInputException.of("kommunenummer", "the resident already lives in " + to);
        }
        jdbc.sql("update resident set kommunenummer = ?, version = version + 1, updated_at = now() where id = ?")
                .params(to.value(), id.value())
                .update();
        int devices = jdbc.sql("update device set kommunenummer = ?, updated_at = now() where resident_id = ?")
                .params(to.value(), id.value())
                .update();
        String what =
                "resident transferred from " + before.kommunenummer() + " to " + to + " with " + devices + " device(s)";
        audit.resident(AuditAction.TRANSFER, id.value(), before.kommunenummer(), what);
        audit.resident(AuditAction.TRANSFER, id.value(), to, what);
        return load(scope, id).orElseThrow();
    }

    private org.springframework.jdbc.core.namedparam.MapSqlParameterSource columns(
            ResidentId id, ResidentDraft draft, String nationalId) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", id.value())
                .addValue("kommune", draft.kommunenummer().strip())
                .addValue("givenName", draft.givenName().strip())
                .addValue("familyName", draft.familyName().strip())
                .addValue("birthDate", ResidentDraft.parseDate(draft.birthDate()))
                .addValue("cipher", cipher.encrypt(nationalId))
                .addValue("hash", cipher.lookupHash(nationalId))
                .addValue("street", draft.streetAddress().strip())
                .addValue("postalCode", draft.postalCode().strip())
                .addValue("postalPlace", draft.postalPlace().strip())
                .addValue("phone", phone(draft.phone()))
                .addValue("mobile", phone(draft.mobilePhone()))
                .addValue(
                        "entryMethod",
                        ResidentDraft.parseEntryMethod(draft.entryMethod()).name())
                .addValue("entryDetails", ResidentDraft.emptyToNull(draft.entryDetails()))
                .addValue("notes", ResidentDraft.emptyToNull(draft.operatorNotes()))
                .addValue("epjId", ResidentDraft.emptyToNull(draft.epjId()))
                .addValue("active", draft.active() == null || draft.active());
    }

    private static @Nullable String phone(@Nullable String value) {
        return ResidentDraft.blank(value) ? null : value.replace(" ", "");
    }

    private void saveRelatives(ResidentId id, ResidentDraft draft) {
        jdbc.sql("delete from relative where resident_id = ?").param(id.value()).update();
        for (Relative relative : draft.relativesInOrder()) {
            jdbc.sql("insert into relative (resident_id, priority, name, relation, phone) values (?, ?, ?, ?, ?)")
                    .params(id.value(), relative.priority(), relative.name(), relative.relation(), relative.phone())
                    .update();
        }
        Kommunenummer kommune = new Kommunenummer(draft.kommunenummer().strip());
        for (Relative relative : draft.relativesDeclaringSmsConsent()) {
            events.publishEvent(new RelativeSmsConsentDeclared(id, kommune, relative.name(), relative.phone()));
        }
    }

    private Optional<Resident> load(AccessScope scope, ResidentId id) {
        return jdbc.sql("select * from resident where id = :id and" + NeedToKnow.within("kommunenummer"))
                .param("id", id.value())
                .params(NeedToKnow.params(scope))
                .query((rs, row) -> resident(rs, relatives(id)))
                .optional();
    }

    private List<Relative> relatives(ResidentId id) {
        return jdbc.sql("select * from relative where resident_id = ? order by priority")
                .param(id.value())
                .query((rs, row) -> new Relative(
                        rs.getInt("priority"), rs.getString("name"), rs.getString("relation"), rs.getString("phone")))
                .list();
    }

    private Resident resident(ResultSet rs, List<Relative> relatives) throws SQLException {
        return new Resident(
                new ResidentId(rs.getObject("id", UUID.class)),
                new Kommunenummer(rs.getString("kommunenummer")),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                new NationalId(cipher.decrypt(rs.getBytes("national_id_cipher"))),
                rs.getString("street_address"),
                rs.getString("postal_code"),
                rs.getString("postal_place"),
                rs.getString("phone"),
                rs.getString("mobile_phone"),
                EntryMethod.valueOf(rs.getString("entry_method")),
                rs.getString("entry_details"),
                rs.getString("operator_notes"),
                rs.getString("epj_id"),
                rs.getBoolean("active"),
                rs.getInt("version"),
                relatives);
    }

    private static ResidentSummary summary(ResultSet rs) throws SQLException {
        return new ResidentSummary(
                new ResidentId(rs.getObject("id", UUID.class)),
                new Kommunenummer(rs.getString("kommunenummer")),
                rs.getString("given_name"),
                rs.getString("family_name"),
                rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("street_address"),
                rs.getString("postal_place"),
                rs.getBoolean("active"),
                rs.getInt("devices"));
    }
}
