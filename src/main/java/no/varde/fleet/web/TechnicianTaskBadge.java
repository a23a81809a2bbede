package no.varde.fleet.web;

import java.time.Clock;
import no.varde.fleet.TechnicianTasks;
import no.varde.shared.security.CurrentUser;
import no.varde.shared.security.VardeUser;
import org.springframework.stereotype.Component;

/**
 * The number of overdue technician tasks beside the navigation's link (layout.html calls it as
 * {@code @technicianTaskBadge}), so a municipal administrator sees overdue work on every page, not only on the tasks
 * page. Zero for roles that do not work tasks.
 */
@Component("technicianTaskBadge")
class TechnicianTaskBadge {

    private final TechnicianTasks tasks;
    private final Clock clock;

    TechnicianTaskBadge(TechnicianTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    public int overdue() {
        VardeUser user = CurrentUser.find().orElse(null);
        if (user == null || !TechnicianTasks.works(user)) {
            return 0;
        }
        return tasks.countOverdue(user, clock.instant());
    }
}
