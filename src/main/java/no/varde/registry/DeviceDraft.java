package no.varde.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.varde.shared.Kommunenummer;
import no.varde.shared.web.FieldProblem;
import org.jspecify.annotations.Nullable;

/** A device as entered in a form, an API call or an import row, before it is checked. */
public record DeviceDraft(
        @Nullable String kommunenummer,
        @Nullable String type,
        @Nullable String vendor,
        @Nullable String model,
        @Nullable String scaipControllerId,
        @Nullable String scaipDeviceId,
        @Nullable String siaAccount,
        @Nullable String imei,
        @Nullable String serialNumber,
        @Nullable String residentId,
        @Nullable String placement,
        @Nullable String status,
        @Nullable String baseDeviceId) {

    /** A device reporting on its own (no base unit). */
    public DeviceDraft(
            @Nullable String kommunenummer,
            @Nullable String type,
            @Nullable String vendor,
            @Nullable String model,
            @Nullable String scaipControllerId,
            @Nullable String scaipDeviceId,
            @Nullable String siaAccount,
            @Nullable String imei,
            @Nullable String serialNumber,
            @Nullable String residentId,
            @Nullable String placement,
            @Nullable String status) {
        this(
                kommunenummer,
                type,
                vendor,
                model,
                scaipControllerId,
                scaipDeviceId,
                siaAccount,
                imei,
                serialNumber,
                residentId,
                placement,
                status,
                null);
    }

    public List<FieldProblem> validate() {
        List<FieldProblem> problems = new ArrayList<>();
        if (!Kommunenummer.isValid(kommunenummer)) {
            problems.add(new FieldProblem("kommunenummer", "must be four digits"));
        }
        if (parse(DeviceType.class, type) == null) {
            problems.add(new FieldProblem("type", "must be one of " + List.of(DeviceType.values())));
        }
        if (ResidentDraft.blank(vendor)) {
            problems.add(new FieldProblem("vendor", "must not be blank"));
        }
        if (ResidentDraft.blank(model)) {
            problems.add(new FieldProblem("model", "must not be blank"));
        }
        if (!ResidentDraft.blank(scaipControllerId)
                && !scaipControllerId.strip().matches("\\d{1,32}")) {
            problems.add(new FieldProblem("scaipControllerId", "must be digits only (SCAIP cid)"));
        }
        if (!ResidentDraft.blank(scaipDeviceId)
                && ResidentDraft.blank(scaipControllerId)
                && ResidentDraft.blank(baseDeviceId)) {
            problems.add(new FieldProblem("scaipDeviceId", "needs a SCAIP controller id (or a base unit)"));
        }
        if (!ResidentDraft.blank(baseDeviceId) && parseUuid(baseDeviceId) == null) {
            problems.add(new FieldProblem("baseDeviceId", "must be a device id (UUID)"));
        } else if (!ResidentDraft.blank(baseDeviceId) && ResidentDraft.blank(scaipDeviceId)) {
            problems.add(new FieldProblem(
                    "scaipDeviceId", "a device reporting through a base unit needs its SCAIP device id (did)"));
        }
        if (!ResidentDraft.blank(siaAccount) && !siaAccount.strip().matches("[0-9A-Fa-f]{3,16}")) {
            problems.add(new FieldProblem("siaAccount", "must be 3 to 16 hexadecimal characters (SIA DC-09 #acct)"));
        }
        if (!ResidentDraft.blank(imei) && !imei.strip().matches("\\d{15}")) {
            problems.add(new FieldProblem("imei", "must be 15 digits"));
        }
        if (ResidentDraft.blank(scaipControllerId)
                && ResidentDraft.blank(baseDeviceId)
                && ResidentDraft.blank(siaAccount)
                && ResidentDraft.blank(imei)
                && ResidentDraft.blank(serialNumber)) {
            problems.add(new FieldProblem(
                    "serialNumber", "a device needs at least one identity: SCAIP id, SIA account, IMEI or serial"));
        }
        if (!ResidentDraft.blank(residentId) && parseUuid(residentId) == null) {
            problems.add(new FieldProblem("residentId", "must be a resident id (UUID)"));
        }
        DeviceStatus parsedStatus =
                ResidentDraft.blank(status) ? DeviceStatus.ACTIVE : parse(DeviceStatus.class, status);
        if (parsedStatus == null) {
            problems.add(new FieldProblem("status", "must be one of " + List.of(DeviceStatus.values())));
        }
        return problems;
    }

    DeviceStatus statusOrDefault() {
        return ResidentDraft.blank(status) ? DeviceStatus.ACTIVE : parse(DeviceStatus.class, status);
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text) {
        try {
            return Enum.valueOf(type, ResidentDraft.strip(text).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static @Nullable UUID parseUuid(@Nullable String text) {
        try {
            return UUID.fromString(ResidentDraft.strip(text));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
