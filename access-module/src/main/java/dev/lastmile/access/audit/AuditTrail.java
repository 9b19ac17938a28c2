package dev.lastmile.access.audit;

import jakarta.enterprise.context.ContextNotActiveException;
import dev.lastmile.model.access.Caller;
import dev.lastmile.model.access.CurrentCaller;
import dev.lastmile.model.audit.AuditEntry;
import dev.lastmile.model.event.Audited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Appends to the audit trail. Entries line up behind one lock on the chain's head, each hashing the
 * one before; what modules report comes in their own transaction (a rolled-back change leaves no line).
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Transactional
    void reported(@Observes Audited event) {
        Caller caller;
        String address;
        try {
            caller = current.get();
            address = current.clientAddress();
        } catch (ContextNotActiveException outsideARequest) {
            // a timer or background job: nobody signed in did it
            caller = Caller.ANONYMOUS;
            address = null;
        }
        append(caller, address, event.action(), event.subjectType(), event.subjectIds(), event.detail());
    }

    /** For what must be remembered even when the request fails (a refused sign-in), or after it committed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordSeparately(Caller caller, String clientAddress, String action, String subjectType, String subjectIds,
                                 String detail) {
        append(caller, clientAddress, action, subjectType, subjectIds, detail);
    }

    private void append(Caller caller, String clientAddress, String action, String subjectType, String subjectIds,
                        String detail) {
        Object[] head = (Object[]) em.createNativeQuery("SELECT seq, head_hash FROM audit_chain WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue() + 1;
        // The column keeps microseconds: hash what will be read back.
        AuditEntry entry = new AuditEntry(seq, Instant.now().truncatedTo(ChronoUnit.MICROS), caller.kind().name(),
                caller.name(), caller.roleList(), action, subjectType, subjectIds, detail, clientAddress, (String) head[1]);
        em.persist(entry);
        em.createNativeQuery("UPDATE audit_chain SET seq = ?, head_hash = ? WHERE id = 1")
                .setParameter(1, seq).setParameter(2, entry.hash()).executeUpdate();
    }
}
