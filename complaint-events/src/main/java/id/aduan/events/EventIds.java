package id.aduan.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Event ids that are a pure function of their cause, so that re-processing never mints a second event. */
public final class EventIds {

    private EventIds() {
    }

    /** A name-based (RFC 4122 version 3) UUID of the cause's id and the step that turned it into a new event. */
    public static UUID derived(UUID cause, String step) {
        return UUID.nameUUIDFromBytes((cause + "/" + step).getBytes(StandardCharsets.UTF_8));
    }
}
