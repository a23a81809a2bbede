package no.varde.registry;

import no.varde.shared.Kommunenummer;
import no.varde.shared.ResidentId;

/**
 * A relative's consent to SMS was declared when the resident was registered or updated through the API or a CSV
 * import ({@code smsConsent: true}, {@code relativeN_sms_consent = ja}). Published inside the registering
 * transaction and recorded there, with the signed-in user as the one who entered it, by the module that keeps
 * consents: if recording fails, the registration fails too. Declaring never withdraws; that is done on the
 * relatives' page.
 *
 * @param phone the relative's phone number without spaces
 */
public record RelativeSmsConsentDeclared(
        ResidentId residentId, Kommunenummer kommunenummer, String relativeName, String phone) {}
