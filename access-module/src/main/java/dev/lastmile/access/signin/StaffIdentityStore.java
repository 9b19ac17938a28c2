package dev.lastmile.access.signin;

import dev.lastmile.model.access.StaffAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * The staff accounts as a Jakarta Security identity store: user name and password against the
 * {@code staff_account} table, passwords as PBKDF2 hashes. An unknown name, an account of the identity
 * provider (no password) and a wrong password all cost the same hashing work and all answer INVALID.
 * Whether the account may sign in (locked, disabled) is the sign-in's business, not the store's.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = credential.getPasswordAsString();
        StaffAccount account = em.createNamedQuery(StaffAccount.BY_USERNAME, StaffAccount.class)
                .setParameter("username", credential.getCaller()).getResultList().stream().findFirst().orElse(null);
        if (account == null || account.passwordHash() == null) {
            passwords.spendTheSameTime(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!passwords.matches(password, account.passwordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(account.username(), account.asCaller().groups());
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
