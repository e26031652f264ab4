package id.aduan.inbox.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class StaffMemberRepository implements PanacheRepositoryBase<StaffMember, String> {

    /** Records (or refreshes) a staff member as of their token now. */
    public Uni<Integer> seen(String subject, String username, String opdCode) {
        return getSession().chain(session -> session.createNativeQuery(
                        "insert into {h-schema}staff_member (subject, username, opd_code, last_seen)"
                                + " values (:subject, :username, :opd, now()) on conflict (subject) do update"
                                + " set username = excluded.username, opd_code = excluded.opd_code, last_seen = now()")
                .setParameter("subject", subject)
                .setParameter("username", username)
                .setParameter("opd", opdCode)
                .executeUpdate());
    }

    public Uni<List<StaffMember>> ofOpd(String opdCode) {
        return list("opdCode = ?1 order by username", opdCode);
    }

    public Uni<StaffMember> inOpd(String username, String opdCode) {
        return find("username = ?1 and opdCode = ?2", username, opdCode).firstResult();
    }
}
