package dev.lastmile.access;

import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.access.accounts.StaffAccounts;
import dev.lastmile.access.token.Tokens;
import dev.lastmile.model.access.Role;
import dev.lastmile.model.access.Secret;
import dev.lastmile.model.event.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Before anything is served: the secrets must be set (the deployment fails otherwise, naming the
 * setting), and the first administrator is created from configuration when there is none.
 */
@ApplicationScoped
public class AccessStartup {

    private static final Logger LOG = Logger.getLogger(AccessStartup.class.getName());

    @Inject
    AccessSettings settings;

    @Inject
    Tokens tokens;

    @Inject
    StaffAccounts accounts;

    @Transactional
    void onSchemaReady(@Observes SchemaReady ready) {
        Secret.require(Tokens.SETTING, settings.tokenSecret());
        Secret.require("lastmile.links.secret",
                ConfigProvider.getConfig().getOptionalValue("lastmile.links.secret", String.class).orElse(null));
        tokens.verify("warm.up.signer");
        boolean usable = accounts.all().stream().anyMatch(StaffAccount::isUsableAdministrator);
        if (usable) {
            return;
        }
        if (settings.adminPassword().isEmpty()) {
            LOG.warning("No administrator can sign in: set lastmile.admin.password (LASTMILE_ADMIN_PASSWORD) and restart"
                    + " to create or restore " + settings.adminUsername());
        } else if (accounts.find(settings.adminUsername()).isPresent()) {
            // Break-glass: every administrator is locked or disabled; the configured one comes back.
            accounts.restoreAdministrator(settings.adminUsername(), settings.adminPassword().get());
            LOG.warning(() -> "no administrator could sign in: restored " + settings.adminUsername()
                    + " with the configured password");
        } else {
            accounts.open(settings.adminUsername(), "Administrator", List.of(Role.ADMIN.name()), List.of(), true,
                    settings.adminPassword().get());
            LOG.info(() -> "created the first administrator account " + settings.adminUsername());
        }
    }
}
