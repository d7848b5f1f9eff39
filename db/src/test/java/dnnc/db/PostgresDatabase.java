package dnnc.db;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh, empty PostgreSQL database for one test, made on the server {@code DNNC_TEST_POSTGRES_URL} names (its user
 * needs CREATEDB and CREATEROLE; .ci/run sets one up), dropped with the reader role dnnc made for it. Without the
 * variable, or with the server down, the test is skipped and says why.
 */
final class PostgresDatabase implements AutoCloseable {
    static final String URL_VARIABLE = "DNNC_TEST_POSTGRES_URL";

    private final String adminUrl;
    private final String name;
    final String url;

    private PostgresDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = adminUrl.replaceFirst("(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name);
    }

    static PostgresDatabase create() throws SQLException {
        String adminUrl = System.getenv(URL_VARIABLE);
        Assumptions.assumeTrue(adminUrl != null && !adminUrl.isBlank(), "no PostgreSQL for the store tests: set "
                + URL_VARIABLE + " to jdbc:postgresql://HOST/DB?user=..&password=.. (a user with CREATEDB and CREATEROLE; .ci/run does)");
        String name = "dnnc_t" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Assumptions.abort("no PostgreSQL reachable at " + URL_VARIABLE + " (" + e.getMessage() + ")");
        }
        return new PostgresDatabase(adminUrl, name);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement drop = admin.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            drop.execute("DROP ROLE IF EXISTS " + PostgresLocation.roleName(name));
        }
    }
}
