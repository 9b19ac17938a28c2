package dev.lastmile.access.signin;

import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import dev.lastmile.access.audit.AuditTrail;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.StaffAccount;
import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.problem.NotAuthenticated;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Signs staff in with user name and password, and partners with their client secret. Every failure
 * answers the same words, whether the name is unknown, the password wrong or the account locked.
 */
@Stateless
public class SignIn {

    public static final String REFUSED = "Wrong user name or password, or the account is locked.";

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    StaffIdentityStore store;

    @Inject
    SignInThrottle throttle;

    @Inject
    Credentials credentials;

    @Inject
    AuditTrail audit;

    /** The caller and the account's token epoch, which every token and session of the sign-in carries. */
    public record SignedIn(Caller caller, int epoch) {
    }

    public SignedIn staff(String username, String password, String address) {
        throttle.refuseIfBlocked(address);
        String name = username == null ? "" : username.trim();
        CredentialValidationResult checked = store.validate(new UsernamePasswordCredential(name,
                new Password(password == null ? "" : password)));
        StaffAccount account = checked.getStatus() != CredentialValidationResult.Status.VALID ? null
                : em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class).setParameter("username", name)
                        .getSingleResult();
        if (account == null || !account.maySignIn()) {
            refuse(name, name, address, "STAFF");
        }
        throttle.succeeded(name);
        audit.recordSeparately(account.asCaller(), address, "sign-in", "staff-account", name, null);
        return new SignedIn(account.asCaller(), account.tokenEpoch());
    }

    public SignedIn partner(String code, String secret, String address) {
        throttle.refuseIfBlocked(address);
        try {
            Partner partner = credentials.partner(code == null ? "" : code.trim(), secret == null ? "" : secret);
            audit.recordSeparately(partner.asCaller(), address, "sign-in", "partner", partner.code(), null);
            return new SignedIn(partner.asCaller(), partner.tokenEpoch());
        } catch (NotAuthenticated wrong) {
            // Only the address counts: a partner code may read like a staff user name.
            refuse(code == null ? "" : code, null, address, "PARTNER");
            throw wrong;
        }
    }

    /** @param staffAccount the staff account whose failures count, or null */
    private void refuse(String name, String staffAccount, String address, String kind) {
        boolean locked = throttle.failed(staffAccount, address);
        audit.recordSeparately(Caller.ANONYMOUS, address, locked ? "sign-in.failed.account-locked" : "sign-in.failed",
                kind.equals("STAFF") ? "staff-account" : "partner", name.isEmpty() ? "-" : name, null);
        throw new NotAuthenticated(REFUSED);
    }
}
