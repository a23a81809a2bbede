package no.varde.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import no.varde.alarm.AlarmCategory;
import no.varde.alarm.AlarmId;
import no.varde.console.ConsoleProperties;
import no.varde.console.live.ConsoleStreams;
import no.varde.console.live.ConsoleStreams.LiveEvent;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The operator console: the live queue (alarms, and technical alarms in their own tab) and its event stream. */
@Controller
@RequestMapping("/console")
@PreAuthorize("hasRole('OPERATOR')")
class ConsolePages {

    /** Streams end after this; the browser's EventSource reconnects by itself and the page re-reads the queue. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConsoleQueue queue;
    private final ConsoleStreams streams;
    private final ConsoleProperties properties;
    private final Clock clock;

    ConsolePages(ConsoleQueue queue, ConsoleStreams streams, ConsoleProperties properties, Clock clock) {
        this.queue = queue;
        this.streams = streams;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    String console(@RequestParam(defaultValue = "alarms") String tab, Locale locale, Model model) {
        fill(tab, locale, model);
        model.addAttribute("fragment", false);
        return "console/console";
    }

    @GetMapping("/queue")
    String queueFragment(@RequestParam(defaultValue = "alarms") String tab, Locale locale, Model model) {
        fill(tab, locale, model);
        model.addAttribute("fragment", true);
        return "console/console :: queue";
    }

    /**
     * One row of the queue for a live change: the {@code <tr>} while the alarm is open, in this tab and visible,
     * otherwise nothing (the browser removes the row). The tabs' counts come as headers.
     */
    @GetMapping("/queue/rows/{id}")
    String row(
            @PathVariable AlarmId id,
            @RequestParam(defaultValue = "alarms") String tab,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        VardeUser user = CurrentUser.get();
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Varde-Count-Alarms", String.valueOf(queue.count(user, AlarmCategory.ALARM)));
        response.setHeader("Varde-Count-Technical", String.valueOf(queue.count(user, AlarmCategory.TECHNICAL)));
        model.addAttribute("r", queue.row(user, id, category(tab), locale).orElse(null));
        return "console/console :: row";
    }

    private static AlarmCategory category(String tab) {
        return "technical".equals(tab) ? AlarmCategory.TECHNICAL : AlarmCategory.ALARM;
    }

    private void fill(String tab, Locale locale, Model model) {
        VardeUser user = CurrentUser.get();
        AlarmCategory category = category(tab);
        AlarmCategory other = category == AlarmCategory.ALARM ? AlarmCategory.TECHNICAL : AlarmCategory.ALARM;
        var rows = queue.rows(user, category, locale);
        model.addAttribute("tab", category == AlarmCategory.ALARM ? "alarms" : "technical");
        model.addAttribute("category", category.name());
        model.addAttribute("rows", rows);
        long shownCategoryCount = queue.count(user, category);
        long otherCount = queue.count(user, other);
        model.addAttribute("alarmCount", category == AlarmCategory.ALARM ? shownCategoryCount : otherCount);
        model.addAttribute("technicalCount", category == AlarmCategory.TECHNICAL ? shownCategoryCount : otherCount);
        // never hide silently: a queue longer than the page shows says so, with the total
        model.addAttribute("openTotal", shownCategoryCount);
        model.addAttribute("truncated", shownCategoryCount > rows.size());
        model.addAttribute("serverNow", clock.millis());
        model.addAttribute("resyncMillis", properties.resyncInterval().toMillis());
    }

    /**
     * Server-Sent Events: "ready" once connected, then an "alarm" event (JSON: id, what, category, priority) for
     * every committed change of an alarm this operator may see, and a comment line every 15 seconds.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Runnable close = streams.open(CurrentUser.get(), new EmitterSink(emitter));
        emitter.onCompletion(close);
        emitter.onTimeout(() -> {
            close.run();
            emitter.complete();
        });
        emitter.onError(error -> close.run());
        emitter.send(SseEmitter.event().name("ready").reconnectTime(3000).data("connected"));
        return emitter;
    }

    private record EmitterSink(SseEmitter emitter) implements ConsoleStreams.Sink {

        @Override
        public void send(LiveEvent event) throws IOException {
            emitter.send(
                    SseEmitter.event().name("alarm").data(JSON.writeValueAsString(event), MediaType.APPLICATION_JSON));
        }

        @Override
        public void comment(String text) throws IOException {
            emitter.send(SseEmitter.event().comment(text));
        }

        @Override
        public void close() {
            emitter.complete();
        }
    }
}
