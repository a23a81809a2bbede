package no.varde.dispatch.sms;

import no.varde.dispatch.DispatchProperties;
import no.varde.dispatch.DispatchProperties.Mode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the SMS gateway from {@code varde.dispatch.sms.mode}: {@code outbox} (default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
class SmsGatewayConfiguration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SmsGatewayConfiguration.class);

    @Bean
    SmsGateway smsGateway(DispatchProperties properties, org.springframework.core.env.Environment environment) {
        DispatchProperties.Sms sms = properties.sms();
        if (sms.mode() == Mode.HTTP) {
            if (sms.url() == null) {
                throw new IllegalStateException("VARDE-DISPATCH-0010: varde.dispatch.sms.mode is http but"
                        + " varde.dispatch.sms.url (the SMS provider's endpoint) is not set");
            }
            return new HttpSmsGateway(sms.url(), sms.token(), sms.timeout());
        }
        if (!environment.getProperty("varde.demo.enabled", Boolean.class, false)) {
            // outside the demo this is almost always a missing setting: call-outs would reach nobody's phone
            log.warn("VARDE-DISPATCH-0011: call-out SMS are NOT SENT (varde.dispatch.sms.mode=outbox); they are"
                    + " only shown on /outbox. Set varde.dispatch.sms.mode=http and varde.dispatch.sms.url.");
        }
        return new OutboxSmsGateway();
    }
}
