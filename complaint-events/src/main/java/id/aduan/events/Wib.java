package id.aduan.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Bengkulu's time, WIB (UTC+7): the zone of events, and of every time a citizen or OPD reads. */
public final class Wib {

    public static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");

    private Wib() {
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(ZONE));
    }

    /** The same instant, shown with the +07:00 offset; {@code null} stays {@code null}. */
    public static OffsetDateTime of(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    /** The instant in WIB. */
    public static OffsetDateTime of(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZONE);
    }
}
