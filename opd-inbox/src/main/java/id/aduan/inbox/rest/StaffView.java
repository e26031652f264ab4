package id.aduan.inbox.rest;

import java.time.OffsetDateTime;

/** A staff member of the caller's OPD, as the inbox last saw them. */
public record StaffView(String username, OffsetDateTime lastSeen) {
}
