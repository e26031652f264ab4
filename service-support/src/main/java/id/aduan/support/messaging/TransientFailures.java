package id.aduan.support.messaging;

import id.aduan.support.persistence.SqlStates;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure worth retrying (the database is briefly away, a lock conflict) from one that will fail again
 * (a bug or a poison event). Class names are matched by name so that services without a database need no driver.
 */
public final class TransientFailures {

    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.netty.channel.ConnectTimeoutException",
            "io.netty.channel.AbstractChannel$AnnotatedConnectException",
            "jakarta.persistence.OptimisticLockException",
            "org.hibernate.StaleObjectStateException");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof IOException || t instanceof TimeoutException
                    || TRANSIENT_CLASSES.contains(t.getClass().getName())
                    || isTransientSqlState(t)) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Connection refused") || message.contains("Connection is closed")
                    || message.contains("Pool closed") || message.contains("Timeout")) {
                return true;
            }
            // A reactive session closed or still connecting under another operation (seen once under load in the
            // status feed): the next attempt opens a session of its own.
            if (t instanceof IllegalStateException
                    && (message.contains("Session/EntityManager is closed") || message.startsWith("HR000061"))) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection), 53 (resources), 57 (operator intervention), 40 (serialization, deadlock). */
    private static boolean isTransientSqlState(Throwable t) {
        String state = SqlStates.own(t);
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                || state.startsWith("40"));
    }
}
