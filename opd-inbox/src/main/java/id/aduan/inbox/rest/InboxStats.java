package id.aduan.inbox.rest;

import java.util.Map;

/**
 * Complaints per status.
 *
 * @param opdCode the OPD counted, or {@code null} for all OPDs
 */
public record InboxStats(String opdCode, Map<String, Long> byStatus, long total) {
}
