package dev.lastmile.model.access;

import dev.lastmile.model.event.CredentialsChanged;
import dev.lastmile.model.partner.Partner;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Tells, through {@link CredentialsChanged}, that a staff account or a partner was written, whatever the
 * change: nobody has to remember to when adding a new way to lock, revoke or re-role an account.
 */
public class CredentialsListener {

    @PostUpdate
    @PostRemove
    void written(Object account) {
        CredentialsChanged changed = account instanceof StaffAccount staff
                ? new CredentialsChanged(CallerKind.STAFF, staff.id())
                : new CredentialsChanged(CallerKind.PARTNER, ((Partner) account).id());
        CDI.current().getBeanManager().getEvent().select(CredentialsChanged.class).fire(changed);
    }
}
