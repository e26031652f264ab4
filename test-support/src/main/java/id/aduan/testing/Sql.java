package id.aduan.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC access to the test database, to check what a service stored (or did not store). */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row of a query that returns a number, or 0 without rows. */
    public static long count(String query, Object... params) {
        Object value = value(query, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The first column of the first row, or {@code null}. */
    public static Object value(String query, Object... params) {
        return run(query, params, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        });
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    public static int execute(String statementText, Object... params) {
        return run(statementText, params, PreparedStatement::executeUpdate);
    }

    private interface Work<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(String sql, Object[] params, Work<T> work) {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return work.on(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
