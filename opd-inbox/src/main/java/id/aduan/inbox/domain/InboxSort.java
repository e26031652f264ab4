package id.aduan.inbox.domain;

/** The inbox's orders. Each has an index per OPD, so that every page costs the same. */
public enum InboxSort {
    /** Newest routed first (the default). */
    NEWEST,
    /** Oldest submitted first: who has waited longest. */
    OLDEST,
    /** Nearest deadline first; complaints without one last. */
    DEADLINE
}
