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

    /** The first column of the first row of a query that returns a number. */
    public static long count(String query, Object... params) {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    /** The first column of the first row, or {@code null}. */
    public static Object value(String query, Object... params) {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    public static int execute(String statementText, Object... params) {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(), PostgresServer.USER, "");
                PreparedStatement statement = connection.prepareStatement(statementText)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statementText, e);
        }
    }
}
