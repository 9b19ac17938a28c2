package dev.lastmile.web;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import dev.lastmile.model.access.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST API under /api. Resources live in the EJB modules and are found by scanning.
 * The database is chosen by MicroProfile Config (environment LASTMILE_DB_URL, LASTMILE_DB_USER,
 * LASTMILE_DB_PASSWORD), so one build runs against the embedded MariaDB or any MySQL 8 / MariaDB.
 */
@ApplicationPath("api")
// The second source is for id blocks only: EclipseLink takes them in short transactions of their
// own, so a long request never holds the serial_block row lock that every other request needs.
@DataSourceDefinitions({
    @DataSourceDefinition(name = "java:app/jdbc/lastmile",
            className = "com.mysql.cj.jdbc.MysqlDataSource",
            url = LastmileApplication.DB_URL,
            user = LastmileApplication.DB_USER,
            password = LastmileApplication.DB_PASSWORD,
            minPoolSize = 2,
            maxPoolSize = 32,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                // A database that went away: drop every pooled connection at the first broken one, not one by one.
                "fish.payara.fail-all-connections=true",
                // A database that hangs: a request waits at most this long for a connection, a connect and a
                // read at most these, then gets a 503 (ProblemMapper) instead of hanging with the database.
                "fish.payara.max-wait-time-in-millis=5000",
                "connectTimeout=3000",
                "socketTimeout=" + LastmileApplication.DB_READ_TIMEOUT_MS
            }),
    @DataSourceDefinition(name = "java:app/jdbc/lastmile-serials",
            className = "com.mysql.cj.jdbc.MysqlDataSource",
            url = LastmileApplication.DB_URL,
            user = LastmileApplication.DB_USER,
            password = LastmileApplication.DB_PASSWORD,
            transactional = false,
            minPoolSize = 1,
            maxPoolSize = 8,
            properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                // A database that went away: drop every pooled connection at the first broken one, not one by one.
                "fish.payara.fail-all-connections=true",
                // A database that hangs: a request waits at most this long for a connection, a connect and a
                // read at most these, then gets a 503 (ProblemMapper) instead of hanging with the database.
                "fish.payara.max-wait-time-in-millis=5000",
                "connectTimeout=3000",
                "socketTimeout=" + LastmileApplication.DB_READ_TIMEOUT_MS
            })
})
@OpenAPIDefinition(info = @Info(title = "Lastmile API", version = "0.1",
        description = "Back office of a last-mile parcel carrier: parcels, tracking, routes, proof of delivery,"
                + " returns and partner handoffs. Errors are RFC 9457 problem documents (application/problem+json).",
        license = @License(name = "Apache-2.0")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
// So that the API docs page can send credentials ("Authorize"): who may call each operation is in docs/security.md.
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "Staff and partners: a token from POST /api/auth/token. Handhelds: their device token."),
    @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-Api-Key", description = "Shippers: their API key.")
})
// The roles every module declares on its operations (see docs/security.md).
@DeclareRoles({Roles.ADMIN, Roles.DISPATCHER, Roles.DEPOT_STAFF, Roles.CUSTOMER_SERVICE, Roles.MANAGER, Roles.PARTNER,
    Roles.SHIPPER, Roles.DRIVER})
public class LastmileApplication extends Application {

    static final String DB_URL = "${MPCONFIG=lastmile.db.url:jdbc:mysql://localhost:3306/lastmile?useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&cachePrepStmts=true&useLocalSessionState=true&connectionTimeZone=UTC}";
    static final String DB_USER = "${MPCONFIG=lastmile.db.user:root}";
    static final String DB_PASSWORD = "${MPCONFIG=lastmile.db.password:}";
    /**
     * Statements of the application are short (batches of 500 rows, page-sized reads, aggregates over indexed
     * ranges): a read that has not answered in this time is a database that hangs.
     */
    static final String DB_READ_TIMEOUT_MS = "5000";
}
