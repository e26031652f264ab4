package id.aduan.sla.domain;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * From 07:00 WIB, ranks the previous working day once. It looks every 15 minutes until 23:45, so an instance that was
 * down at 07:00 still ranks the day; two instances at once cannot both store it (the day's rows are unique).
 */
@ApplicationScoped
public class DailyRankingJob {

    private static final Logger LOG = Logger.getLogger(DailyRankingJob.class);

    @Inject
    Rankings rankings;

    @Scheduled(cron = "${aduan.ranking.cron:0 0/15 7-23 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> rank() {
        return rankings.rankIfDue()
                .invoke(day -> day.ifPresent(d -> LOG.infof("Daily ranking of %s computed and published", d)))
                .onFailure().invoke(e -> LOG.warnf("Daily ranking not computed, tried again in 15 minutes: %s",
                        e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
