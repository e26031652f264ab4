package id.aduan.inbox;

import id.aduan.testing.Sql;
import java.util.UUID;

/** Complaints put straight into the inbox's table, as its routed-event consumer stores them. */
public final class InboxFixtures {

    private InboxFixtures() {
    }

    /** A new complaint of the OPD, in status ROUTED. */
    public static UUID freshComplaintOf(String opd) {
        UUID id = UUID.randomUUID();
        String hex = id.toString().replace("-", "").toUpperCase();
        Sql.execute("insert into inbox.complaint (id, tracking_number, category, region_code, description, channel,"
                + " submitted_at, opd_code, opd_name, rule_id, rule_version, explanation, hop, status, routed_at,"
                + " updated_at) values (?, ?, 'road', '1771', 'Keluhan uji', 'api', now(), ?, 'Dinas', 'r', '1',"
                + " 'uji', 1, 'ROUTED', now(), now())", id,
                "ADU-" + hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                        + hex.substring(12, 16), opd);
        return id;
    }
}
