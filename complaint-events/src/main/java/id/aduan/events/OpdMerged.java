package id.aduan.events;

import java.time.LocalDate;
import java.util.List;

/**
 * From {@code effectiveOn}, the OPDs {@code fromOpdCodes} are gone and {@code intoOpdCode} takes their work: a merger,
 * or a retirement (to the successor, or to triage when there is none). Topic {@value Topics#OPD_DIRECTORY},
 * published by routing-service on that day. The envelope's {@code complaintId} is the change's own id: a directory
 * event is about no complaint. Readers move the OPDs' open complaints to {@code intoOpdCode}, each with its own
 * event; closed complaints keep their history under the old names.
 *
 * @param intoLiaisonOpdCode for a successor outside the province's government, the provincial OPD that follows up
 * @param reason             the change in words ("Dinas Sosial digabung ke ...")
 * @param actor              who made the change in the directory (the admin's subject id)
 */
public record OpdMerged(
        List<String> fromOpdCodes,
        String intoOpdCode,
        String intoOpdName,
        String intoLiaisonOpdCode,
        LocalDate effectiveOn,
        String reason,
        String actor) implements EventPayload {

    public static final String TYPE = "OpdMerged";
}
