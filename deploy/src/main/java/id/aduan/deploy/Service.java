package id.aduan.deploy;

/** The four services, their modules, default ports and what they need. */
public enum Service {
    INTAKE("complaint-intake", 8081, true, "/api/v1/complaints"),
    ROUTING("routing-service", 8082, true, "/api/v1/routing/rules"),
    INBOX("opd-inbox", 8083, true, "/api/v1/inbox/complaints (bearer token)"),
    SLA("sla-monitor", 8084, true, "/api/v1/sla/overdue (bearer token)");

    private final String module;
    private final int defaultPort;
    private final boolean usesDatabase;
    private final String mainPath;

    Service(String module, int defaultPort, boolean usesDatabase, String mainPath) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.usesDatabase = usesDatabase;
        this.mainPath = mainPath;
    }

    /** The Maven module and the process name. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean usesDatabase() {
        return usesDatabase;
    }

    /** The address a person would open first. */
    public String mainPath() {
        return mainPath;
    }

    /** The environment variable that sets its port, for example {@code ADUAN_INTAKE_PORT}. */
    public String portVariable() {
        return "ADUAN_" + name() + "_PORT";
    }

    /** The environment variable that sets its JVM options alone, for example {@code ADUAN_INTAKE_JAVA_OPTS}. */
    public String javaOptsVariable() {
        return "ADUAN_" + name() + "_JAVA_OPTS";
    }
}
