package no.varde.registry.demo;

import java.util.List;
import no.varde.registry.Municipality;
import org.springframework.stereotype.Component;

/** Creates deterministic synthetic residents with devices (filled in with the resident registry). */
@Component
class DemoResidents {

    int create(List<Municipality> region, DemoProperties properties) {
        return 0;
    }
}
