package dev.lastmile.it;

import dev.lastmile.launcher.DataDirectory;
import dev.lastmile.launcher.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real MariaDB that the deployed application uses before any test (and so before
 * Arquillian deploys the EAR, whose start-up migrates the schema), and stops it after the last.
 */
public class TestDatabase implements LauncherSessionListener {

    private static EmbeddedDatabase database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("lastmile.it.db.port");
        if (port != null && database == null) {
            Path directory = Path.of(System.getProperty("lastmile.it.db.dir"));
            DataDirectory.delete(directory); // every run starts from an empty database: tests must not see old data
            database = EmbeddedDatabase.start(Integer.parseInt(port), directory);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
    }

    /** Counts rows, so a test can prove that a refused request wrote nothing. */
    static long count(String table) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
