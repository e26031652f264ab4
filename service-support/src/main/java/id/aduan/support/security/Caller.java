package id.aduan.support.security;

import id.aduan.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, from the validated bearer token: never from the request. Every OPD-scoped query takes its OPD
 * from {@link #scope()}, so a caller cannot choose another OPD's data.
 *
 * @param subject the token's subject: an opaque, stable id of the person
 * @param opd     the OPD in the token's {@code opd} claim, if any
 */
public record Caller(String subject, String username, Optional<String> opd, boolean staff, boolean head,
        boolean governor) {

    public static Caller of(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        String username = subject;
        String opd = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            username = jwt.getClaim("preferred_username") != null ? jwt.getClaim("preferred_username") : subject;
            Object claim = jwt.getClaim(Roles.OPD_CLAIM);
            opd = claim == null || claim.toString().isBlank() ? null : claim.toString().trim();
        }
        return new Caller(subject, username, Optional.ofNullable(opd), identity.hasRole(Roles.OPD_STAFF),
                identity.hasRole(Roles.OPD_HEAD), identity.hasRole(Roles.GOVERNOR));
    }

    /**
     * Which complaints this caller may read: all of them for the governor, else those of the caller's own OPD.
     *
     * @throws ProblemException 403 when staff have no OPD in their token (a misconfigured account)
     */
    public Scope scope() {
        if (governor) {
            return Scope.ALL;
        }
        return new Scope(opdForActions());
    }

    /**
     * The OPD this caller acts for.
     *
     * @throws ProblemException 403 for anyone but OPD staff and heads, or when the token names no OPD
     */
    public String opdForActions() {
        if (!staff && !head) {
            throw new ProblemException(403, "forbidden");
        }
        return opd.orElseThrow(() -> new ProblemException(403, "no-opd"));
    }

    /** Complaints of every OPD ({@link #ALL}) or of one. */
    public record Scope(String opd) {

        public static final Scope ALL = new Scope(null);

        public boolean isAll() {
            return opd == null;
        }

        /** Whether a complaint of this OPD is visible in this scope. */
        public boolean covers(String complaintOpd) {
            return isAll() || opd.equals(complaintOpd);
        }
    }
}
