package id.aduan.support.security;

/** The realm roles of Aduan's Keycloak realm (deploy: realm-aduan.json). */
public final class Roles {

    /** Staf OPD: sees and acts on the complaints of the OPD in their token's opd claim. */
    public static final String OPD_STAFF = "opd-staff";
    /** Kepala OPD: as staff, plus the OPD's statistics. */
    public static final String OPD_HEAD = "opd-head";
    /** The governor's office: reads across all OPDs, never acts. */
    public static final String GOVERNOR = "governor";
    /** Manages the OPD directory and routing rules, not complaints. */
    public static final String ADMIN = "admin";

    /** The claim that carries the caller's OPD code. */
    public static final String OPD_CLAIM = "opd";

    private Roles() {
    }
}
