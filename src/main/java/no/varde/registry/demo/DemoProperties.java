package no.varde.registry.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo region of the development setup.
 *
 * @param enabled load the demo region and demo accounts on an empty database
 * @param regionFile the municipalities (survey CSV format)
 * @param residentShare share of each municipality's population given synthetic residents
 * @param seed seed of the synthetic residents, so every fresh demo is the same
 */
@ConfigurationProperties("varde.demo")
public record DemoProperties(boolean enabled, String regionFile, double residentShare, long seed) {

    public DemoProperties {
        if (regionFile == null || regionFile.isBlank()) {
            regionFile = "classpath:demo/helgeland-demo.csv";
        }
        if (residentShare <= 0) {
            residentShare = 0.025;
        }
        if (seed == 0) {
            seed = 1811_1836L;
        }
    }
}
