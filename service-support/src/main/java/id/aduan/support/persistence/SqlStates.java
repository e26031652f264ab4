package id.aduan.support.persistence;

import java.lang.reflect.Method;

/**
 * The SQLSTATE of a database failure, wherever in its causes the driver put it: the reactive client's
 * {@code PgException}, Hibernate's {@code JDBCException} or a JDBC {@code SQLException}. Read by method name, so that
 * services need no particular driver on their class path.
 */
public final class SqlStates {

    /** {@code unique_violation}. */
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    /** Whether the failure is a unique violation: an insert lost a race to a row of the same key. */
    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(of(failure));
    }

    /** The first SQLSTATE in the failure's causes, or {@code null}. */
    public static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = own(t);
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    /** This throwable's own SQLSTATE, or {@code null}. */
    public static String own(Throwable t) {
        for (String name : new String[] {"getSqlState", "getSQLState"}) {
            try {
                Method method = t.getClass().getMethod(name);
                if (method.getReturnType() == String.class) {
                    return (String) method.invoke(t);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not a failure that carries one.
            }
        }
        return null;
    }
}
