package no.varde.fleet.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import no.varde.registry.AccessScope;
import no.varde.registry.Device;
import no.varde.registry.DeviceStatus;
import no.varde.registry.DeviceType;
import no.varde.registry.Devices;
import no.varde.registry.Municipalities;
import no.varde.registry.Municipality;
import no.varde.shared.security.SystemUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's simulated vendor platform (development setup only): it reports a few demo devices of every
 * municipality to Varde's own HTTP ingest with the demo integration's token, as a real platform would, so a demo run
 * shows the fleet dashboard with devices reporting, some falling silent, batteries running low, technical alarms
 * closed by rules and technician tasks.
 *
 * <p>What it sends: a heartbeat with a battery level every {@code period} for each simulated device (the demo
 * configures HTTP heartbeats as the 3-minute class); three devices stop after their first heartbeat (lost contact
 * after 3 + 1 minutes), one of them comes back after {@code resumeAfter} (closed by rule); and rounds of technical
 * events: power failure restored within a minute (wait-for-restore), device fault cleared (auto-close), battery low
 * from door sensors and medication dispensers (technician tasks), one power failure never restored and one device
 * fault left for an operator. Nothing it sends is a human alarm.
 */
@Component
@ConditionalOnBooleanProperty("varde.demo.fleet-simulation.enabled")
class FleetDemoSimulation implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FleetDemoSimulation.class);
    static final String ACTOR = "fleet-demo";

    private final Devices devices;
    private final Municipalities municipalities;
    private final Environment environment;
    private final FleetDemoProperties properties;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong sequence = new AtomicLong();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private @Nullable ScheduledExecutorService scheduler;
    private volatile boolean running;
    private volatile List<Simulated> fleet = List.of();
    private final List<String> pendingRestores = new ArrayList<>();
    private int round;

    FleetDemoSimulation(
            Devices devices, Municipalities municipalities, Environment environment, FleetDemoProperties properties) {
        this.devices = devices;
        this.municipalities = municipalities;
        this.environment = environment;
        this.properties = properties;
    }

    /** A device the simulation reports for, and how it behaves. */
    record Simulated(Device device, Behaviour behaviour, int battery) {}

    enum Behaviour {
        HEALTHY,
        SILENT,
        SILENT_THEN_BACK
    }

    @Override
    public void start() {
        running = true;
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "varde-fleet-demo");
            thread.setDaemon(true);
            return thread;
        });
        scheduler = executor;
        // after the demo loaders and the web server: the first tick waits a little and retries until the port is known
        executor.scheduleWithFixedDelay(
                this::tick,
                properties.startDelay().toMillis(),
                properties.period().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService executor = scheduler;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 10; // starts after the web server, stops before it
    }

    /** The simulated devices, once chosen (empty before the first round). */
    List<Simulated> fleet() {
        return fleet;
    }

    private void tick() {
        try {
            String port = environment.getProperty("local.server.port");
            if (port == null) {
                return;
            }
            if (fleet.isEmpty()) {
                fleet = choose();
                if (fleet.isEmpty()) {
                    return; // the demo region is still loading
                }
                log.info(
                        "Fleet demo: simulating {} devices ({} fall silent)",
                        fleet.size(),
                        fleet.stream()
                                .filter(s -> s.behaviour() != Behaviour.HEALTHY)
                                .count());
            }
            List<String> events = new ArrayList<>();
            long minutes = (long) round * properties.period().toSeconds() / 60;
            for (Simulated s : fleet) {
                boolean reports = switch (s.behaviour()) {
                    case HEALTHY -> true;
                    case SILENT -> round == 0;
                    case SILENT_THEN_BACK ->
                        round == 0 || minutes >= properties.resumeAfter().toMinutes();
                };
                if (reports) {
                    events.add(event("HEARTBEAT", s.device(), battery(s)));
                }
            }
            if (round % Math.max(1, properties.technicalEvery()) == 0) {
                events.addAll(technicalRound(round / Math.max(1, properties.technicalEvery())));
            }
            // restores of the last round's power failures and faults come a minute later
            if (round % Math.max(1, properties.technicalEvery()) == 1) {
                events.addAll(restores());
            }
            for (int from = 0; from < events.size(); from += 100) {
                post(port, events.subList(from, Math.min(events.size(), from + 100)));
            }
            round++;
        } catch (RuntimeException e) {
            log.warn("Fleet demo: a round failed ({}); the next one tries again", e.toString());
        }
    }

    /** Up to {@code perMunicipality} safety alarms per municipality, and the door sensors and dispensers among them. */
    private List<Simulated> choose() {
        List<Simulated> chosen = new ArrayList<>();
        Random random = new Random(properties.seed());
        SystemUser.runAs(ACTOR, () -> {
            int silent = 0;
            for (Municipality m : municipalities.all()) {
                AccessScope scope = AccessScope.of(java.util.Set.of(m.kommunenummer()));
                for (DeviceType type :
                        List.of(DeviceType.SAFETY_ALARM, DeviceType.DOOR_SENSOR, DeviceType.MEDICATION_DISPENSER)) {
                    int wanted = type == DeviceType.SAFETY_ALARM ? properties.perMunicipality() : 2;
                    for (Device d : devices.search(scope, null, m.kommunenummer(), type, 0, wanted)
                            .items()) {
                        if (d.status() != DeviceStatus.ACTIVE) {
                            continue;
                        }
                        Behaviour behaviour = Behaviour.HEALTHY;
                        if (type == DeviceType.SAFETY_ALARM && silent < 3 && random.nextInt(6) == 0) {
                            behaviour = silent == 0 ? Behaviour.SILENT_THEN_BACK : Behaviour.SILENT;
                            silent++;
                        }
                        int battery = random.nextInt(10) == 0 ? 8 + random.nextInt(12) : 45 + random.nextInt(55);
                        chosen.add(new Simulated(d, behaviour, battery));
                    }
                }
            }
        });
        return chosen;
    }

    private int battery(Simulated s) {
        // a slow drain: one percent per hour of demo, never below 5
        return Math.max(5, s.battery() - (int) (round * properties.period().toSeconds() / 3600));
    }

    /** One round of technical events over a few healthy devices, deterministic per round. */
    private List<String> technicalRound(int number) {
        Random random = new Random(properties.seed() * 31 + number);
        List<Simulated> healthy =
                fleet.stream().filter(s -> s.behaviour() == Behaviour.HEALTHY).toList();
        List<Simulated> alarms = healthy.stream()
                .filter(s -> s.device().type() == DeviceType.SAFETY_ALARM)
                .toList();
        List<Simulated> sensors = healthy.stream()
                .filter(s -> s.device().type() != DeviceType.SAFETY_ALARM)
                .toList();
        List<String> events = new ArrayList<>();
        if (alarms.isEmpty()) {
            return events;
        }
        for (int i = 0; i < 3; i++) {
            Simulated power = alarms.get(random.nextInt(alarms.size()));
            events.add(event("POWER_LOSS", power.device(), null));
            pendingRestores.add(event("POWER_RESTORED", power.device(), null));
        }
        for (int i = 0; i < 2; i++) {
            Simulated fault = alarms.get(random.nextInt(alarms.size()));
            events.add(event("DEVICE_FAULT", fault.device(), null));
            pendingRestores.add(event("DEVICE_OK", fault.device(), null));
        }
        if (!sensors.isEmpty()) {
            Simulated battery = sensors.get(random.nextInt(sensors.size()));
            events.add(event("BATTERY_LOW", battery.device(), 12));
        }
        if (number % 3 == 0) {
            // one power failure nobody restores (the wait runs out: the operator follows up) and one fault for a person
            events.add(event(
                    "POWER_LOSS", alarms.get(random.nextInt(alarms.size())).device(), null));
            events.add(event(
                    "DEVICE_FAULT", alarms.get(random.nextInt(alarms.size())).device(), null));
        }
        return events;
    }

    private List<String> restores() {
        List<String> restores = new ArrayList<>(pendingRestores);
        pendingRestores.clear();
        return restores;
    }

    private String event(String code, Device device, @Nullable Integer battery) {
        String id = "fleet-demo-" + run + "-" + sequence.incrementAndGet();
        StringBuilder identity = new StringBuilder();
        if (device.scaipControllerId() != null) {
            identity.append("\"scaipControllerId\": \"")
                    .append(device.scaipControllerId())
                    .append('"');
            if (device.scaipDeviceId() != null) {
                identity.append(", \"scaipDeviceId\": \"")
                        .append(device.scaipDeviceId())
                        .append('"');
            }
        } else if (device.siaAccount() != null) {
            identity.append("\"siaAccount\": \"").append(device.siaAccount()).append('"');
        } else if (device.imei() != null) {
            identity.append("\"imei\": \"").append(device.imei()).append('"');
        } else {
            identity.append("\"vendor\": \"")
                    .append(json(device.vendor()))
                    .append("\", \"serialNumber\": \"")
                    .append(json(String.valueOf(device.serialNumber())))
                    .append('"');
        }
        return String.format(
                Locale.ROOT,
                "{\"eventId\": \"%s\", \"code\": \"%s\", \"device\": {%s}%s}",
                id,
                code,
                identity,
                battery == null ? "" : ", \"batteryPercent\": " + battery);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private void post(String port, List<String> events) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/batch"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + properties.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log.warn("Fleet demo: Varde answered {}: {}", response.statusCode(), response.body());
            }
        } catch (java.io.IOException e) {
            log.warn("Fleet demo: could not reach Varde's ingest ({})", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
