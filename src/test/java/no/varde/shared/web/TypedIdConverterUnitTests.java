package no.varde.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import no.varde.alarm.AlarmId;
import no.varde.dispatch.CalloutId;
import no.varde.ingest.IntegrationId;
import no.varde.ingest.reception.DeliveryId;
import no.varde.ingest.reception.RejectedDeliveryId;
import no.varde.registry.DeviceId;
import no.varde.shared.ResidentId;
import no.varde.shared.Username;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.DefaultFormattingConversionService;

/** The one converter for typed ids in paths and parameters, registered as the web configuration does. */
class TypedIdConverterUnitTests {

    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    TypedIdConverterUnitTests() {
        new WebConfiguration().addFormatters(conversions);
    }

    @Test
    void everyModulesIdIsConvertedFromItsText() {
        UUID uuid = UUID.randomUUID();
        assertThat(conversions.convert(uuid.toString(), AlarmId.class)).isEqualTo(new AlarmId(uuid));
        assertThat(conversions.convert(uuid.toString(), ResidentId.class)).isEqualTo(new ResidentId(uuid));
        assertThat(conversions.convert(uuid.toString(), DeviceId.class)).isEqualTo(new DeviceId(uuid));
        assertThat(conversions.convert(" " + uuid + " ", IntegrationId.class)).isEqualTo(new IntegrationId(uuid));
        assertThat(conversions.convert(uuid.toString(), CalloutId.class)).isEqualTo(new CalloutId(uuid));
        assertThat(conversions.convert("42", DeliveryId.class)).isEqualTo(new DeliveryId(42));
        assertThat(conversions.convert("7", RejectedDeliveryId.class)).isEqualTo(new RejectedDeliveryId(7));
        assertThat(conversions.convert("operator", Username.class)).isEqualTo(new Username("operator"));
    }

    @Test
    void malformedTextIsAConversionFailureNamingTheType() {
        assertThatThrownBy(() -> conversions.convert("not-a-uuid", AlarmId.class))
                .isInstanceOf(ConversionFailedException.class)
                .hasMessageContaining("AlarmId")
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conversions.convert("  ", Username.class))
                .isInstanceOf(ConversionFailedException.class)
                .hasRootCauseMessage("a user name must not be blank");
        assertThatThrownBy(() -> conversions.convert("0", DeliveryId.class))
                .isInstanceOf(ConversionFailedException.class)
                .hasRootCauseMessage("a delivery id is a positive number, was 0");
        assertThatThrownBy(() -> conversions.convert("12a", DeliveryId.class))
                .isInstanceOf(ConversionFailedException.class)
                .hasRootCauseInstanceOf(NumberFormatException.class);
    }
}
