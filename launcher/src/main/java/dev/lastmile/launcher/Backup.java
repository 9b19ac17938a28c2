package dev.lastmile.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup of the embedded installation, and its restore: one zip with a consistent dump of the schema
 * ({@code mariadb-dump --single-transaction}: one InnoDB snapshot, taken while the system runs and takes
 * requests) and the installation's keys, without which restored tokens and self-service links would no
 * longer verify. {@code ./run.sh --backup FILE} and {@code ./run.sh --restore FILE}; see docs/running.md.
 */
public final class Backup {

    private static final String DUMP = "lastmile.sql";
    private static final String SECRETS = "secrets.properties";
    private static final String HIGHLIGHTS = "demo-highlights.properties";

    private Backup() {
    }

    /**
     * Backs up the data directory into {@code file}: from the running MariaDB if the system is up, otherwise
     * from a MariaDB started for the purpose. Returns the dump's size in bytes.
     */
    public static long create(Path dataDirectory, int databasePort, Path file) {
        Path dump = dataDirectory.resolve("tmp").resolve("backup-" + System.nanoTime() + ".sql");
        try {
            Files.createDirectories(dump.getParent());
            withDatabase(dataDirectory, databasePort, database -> database.run(List.of(
                    database.binaries().resolve("mariadb-dump").toString(), "--no-defaults", "--protocol=TCP", "-h127.0.0.1",
                    "-P" + database.port(), "-uroot", "--single-transaction", "--routines", "--triggers", "--hex-blob",
                    "--databases", EmbeddedDatabase.SCHEMA), null, dump));
            long size = Files.size(dump);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                add(zip, DUMP, dump);
                add(zip, SECRETS, dataDirectory.resolve(SECRETS));
                add(zip, HIGHLIGHTS, dataDirectory.resolve(HIGHLIGHTS));
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            dump.toFile().delete();
        }
    }

    /**
     * Restores {@code file} into {@code dataDirectory} (new or existing; the system must be stopped): the schema is
     * replaced by the backup's, the keys by the backup's.
     */
    public static void restore(Path file, Path dataDirectory, int databasePort) {
        if (Ports.listening(databasePort)) {
            throw new IllegalStateException("MariaDB answers on port " + databasePort + ": stop Lastmile before restoring");
        }
        // Next to the backup, not in the data directory, which MariaDB's first start prepares (and may clear).
        Path dump = file.toAbsolutePath().resolveSibling(file.getFileName() + ".restoring.sql");
        try {
            boolean hasDump = false;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                    switch (entry.getName()) {
                        case DUMP -> {
                            copy(zip, dump);
                            hasDump = true;
                        }
                        case SECRETS -> {
                            copy(zip, dataDirectory.resolve(SECRETS));
                            InstallationSecrets.ownerOnly(dataDirectory.resolve(SECRETS));
                        }
                        case HIGHLIGHTS -> copy(zip, dataDirectory.resolve(HIGHLIGHTS));
                        default -> { } // written by a later version: not ours to guess
                    }
                }
            }
            if (!hasDump) {
                throw new IllegalStateException(file + " is not a Lastmile backup (no " + DUMP + " in it)");
            }
            withDatabase(dataDirectory, databasePort, database -> {
                database.client("DROP DATABASE IF EXISTS " + EmbeddedDatabase.SCHEMA);
                database.run(List.of(database.binaries().resolve("mariadb").toString(), "--no-defaults", "--protocol=TCP",
                        "-h127.0.0.1", "-P" + database.port(), "-uroot"), dump, null);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            dump.toFile().delete();
        }
    }

    private interface DatabaseWork {
        void with(EmbeddedDatabase database);
    }

    /** The running MariaDB of this data directory, or one started for the work and stopped after it. */
    private static void withDatabase(Path dataDirectory, int port, DatabaseWork work) {
        if (Ports.listening(port)) {
            work.with(EmbeddedDatabase.attach(port, dataDirectory));
            return;
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(port, dataDirectory)) {
            work.with(database);
        }
    }

    private static void add(ZipOutputStream zip, String name, Path source) throws IOException {
        if (!Files.exists(source)) {
            return;
        }
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = Files.newInputStream(source)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
