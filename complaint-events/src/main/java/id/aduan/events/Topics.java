package id.aduan.events;

import java.util.List;

/** Kafka topics of the contract. Every complaint topic is keyed by complaint id; see docs/events.md. */
public final class Topics {

    /** {@link ComplaintSubmitted}: produced by complaint-intake. */
    public static final String COMPLAINTS_SUBMITTED = "aduan.complaints.submitted";
    /** {@link ComplaintRouted}: produced by routing-service. */
    public static final String COMPLAINTS_ROUTED = "aduan.complaints.routed";
    /** {@link ComplaintStatusChanged}: produced by opd-inbox. */
    public static final String COMPLAINTS_STATUS = "aduan.complaints.status";
    /** {@link CitizenResponded}: produced by complaint-intake. */
    public static final String COMPLAINTS_CITIZEN = "aduan.complaints.citizen";
    /** {@link SlaClockChanged}, {@link SlaWarning}, {@link SlaBreached}, {@link SlaEscalated}: by sla-monitor. */
    public static final String SLA_EVENTS = "aduan.sla.events";
    /** {@link DailyRanking}: produced by sla-monitor, keyed by the day. */
    public static final String SLA_RANKINGS = "aduan.sla.rankings";

    /** {@link OpdMerged}: produced by routing-service, keyed by the change's id. */
    public static final String OPD_DIRECTORY = "aduan.opd.directory";

    /** Every contract topic, in flow order. */
    public static final List<String> ALL = List.of(COMPLAINTS_SUBMITTED, COMPLAINTS_ROUTED, COMPLAINTS_STATUS,
            COMPLAINTS_CITIZEN, SLA_EVENTS, SLA_RANKINGS, OPD_DIRECTORY);

    /** The dead-letter topic of one consuming service. */
    public static String deadLetter(String service) {
        return "aduan.dlq." + service;
    }

    private Topics() {
    }
}
