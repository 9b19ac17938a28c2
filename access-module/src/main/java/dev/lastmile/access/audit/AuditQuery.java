package dev.lastmile.access.audit;

import dev.lastmile.model.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the audit trail back: filtered pages for people, and the whole chain for the tamper check. */
@ApplicationScoped
public class AuditQuery {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public record Filter(String actor, String action, String subjectType, String subjectId, Instant from, Instant to) {
    }

    public List<AuditEntry> page(Filter filter, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.actor() != null) {
            conditions.add("e.actor = :actor");
            parameters.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            conditions.add("e.action LIKE :action");
            parameters.put("action", filter.action() + "%");
        }
        if (filter.subjectType() != null) {
            conditions.add("e.subjectType = :subjectType");
            parameters.put("subjectType", filter.subjectType());
        }
        if (filter.subjectId() != null) {
            conditions.add("e.subjectIds LIKE :subjectId");
            parameters.put("subjectId", "%" + filter.subjectId() + "%");
        }
        if (filter.from() != null) {
            conditions.add("e.at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("e.at < :to");
            parameters.put("to", filter.to());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<AuditEntry> query = em.createQuery("SELECT e FROM AuditEntry e" + where + " ORDER BY e.seq DESC",
                AuditEntry.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public record Verification(long entries, boolean intact, Long firstBrokenSeq) {
    }

    /** Walks the chain in order, in slices, recomputing every hash. */
    public Verification verify() {
        String previous = "0".repeat(64);
        long expectedSeq = 1;
        long count = 0;
        while (true) {
            List<AuditEntry> slice = em.createQuery("SELECT e FROM AuditEntry e WHERE e.seq >= :from ORDER BY e.seq",
                    AuditEntry.class).setParameter("from", expectedSeq).setMaxResults(1000).getResultList();
            if (slice.isEmpty()) {
                // The head remembers how many entries there were: a removed tail shows here.
                long head = ((Number) em.createNativeQuery("SELECT seq FROM audit_chain WHERE id = 1").getSingleResult())
                        .longValue();
                return head == count ? new Verification(count, true, null) : new Verification(count, false, count + 1);
            }
            for (AuditEntry entry : slice) {
                if (entry.seq() != expectedSeq || !entry.prevHash().equals(previous)
                        || !entry.computeHash().equals(entry.hash())) {
                    return new Verification(count, false, expectedSeq);
                }
                previous = entry.hash();
                expectedSeq++;
                count++;
            }
            em.clear();
        }
    }
}
