package dev.lastmile.web.schema;

import dev.lastmile.model.event.SchemaReady;
import dev.lastmile.model.parcel.Parcel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the latest migration before the application serves anything. Outside a
 * transaction: MySQL commits DDL implicitly, and Flyway manages its own commits. With several
 * instances starting at once, Flyway's lock table lets one migrate while the others wait. Then it tells
 * the modules (start-up checks such as the secrets, the first administrator) that the schema is ready.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/lastmile")
    DataSource dataSource;

    @Inject
    Event<SchemaReady> ready;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(Parcel.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        // Flyway names a target version only when it applied something; otherwise the current one is it.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : flyway.info().current().getVersion().getVersion();
        LOG.info(() -> "schema at version " + version + ", " + result.migrationsExecuted + " migration(s) applied");
        ready.fire(new SchemaReady(version));
    }
}
