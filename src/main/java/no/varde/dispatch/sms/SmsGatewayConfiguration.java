package no.varde.dispatch.sms;

import no.varde.dispatch.DispatchProperties;
import no.varde.dispatch.DispatchProperties.Mode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the SMS gateway from {@code varde.dispatch.sms.mode}: {@code outbox} (default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
class SmsGatewayConfiguration {

    @Bean
    SmsGateway smsGateway(DispatchProperties properties) {
        DispatchProperties.Sms sms = properties.sms();
        if (sms.mode() == Mode.HTTP) {
            if (sms.url() == null) {
                throw new IllegalStateException("VARDE-DISPATCH-0010: varde.dispatch.sms.mode is http but"
                        + " varde.dispatch.sms.url (the SMS provider's endpoint) is not set");
            }
            return new HttpSmsGateway(sms.url(), sms.token(), sms.timeout());
        }
        return new OutboxSmsGateway();
    }
}
