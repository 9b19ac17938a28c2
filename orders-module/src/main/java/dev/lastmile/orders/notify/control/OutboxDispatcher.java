package dev.lastmile.orders.notify.control;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Empties the outbox every second, on every instance of a cluster: claims keep the instances apart.
 * A tick that finds a full claim goes on with the next one; a tick still running when the next fires
 * makes that one return at once. On undeploy it finishes the message in hand and hands the rest back.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int CLAIM = 20;

    @EJB
    OutboxBatch batch;

    /**
     * How long a claim keeps other dispatchers away. A dispatcher stops sending from a claim after half of it,
     * so a message is never sent by one dispatcher after another may have claimed it; a crashed dispatcher's
     * messages are due again after it.
     */
    @Inject
    @ConfigProperty(name = "lastmile.outbox.claim-lease", defaultValue = "PT2M")
    Duration lease;

    private final String token = UUID.randomUUID().toString();
    private final ReentrantLock running = new ReentrantLock();
    private volatile boolean stopping;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (stopping || !running.tryLock()) {
            return;
        }
        try {
            while (!stopping && sendClaim() == CLAIM) {
                LOG.fine("outbox: another claim");
            }
        } catch (RuntimeException e) {
            // Once a second while the database is away: one line each, the stack only when asked for.
            LOG.warning("outbox dispatch failed, the next tick retries: " + e);
            LOG.log(Level.FINE, "outbox dispatch failure", e);
        } finally {
            running.unlock();
        }
    }

    /** Returns how many messages it claimed. */
    private int sendClaim() {
        Instant claimedAt = Instant.now();
        List<Long> claimed = batch.claim(CLAIM, token, claimedAt.plus(lease));
        Instant sendUntil = claimedAt.plus(lease.dividedBy(2));
        Set<String> unreachable = new HashSet<>();
        List<Long> unsent = new ArrayList<>();
        int tried = 0;
        for (Long id : claimed) {
            if (stopping || Instant.now().isAfter(sendUntil)) {
                unsent.add(id);
                continue;
            }
            if (batch.send(id, token, unreachable) == OutboxBatch.Sending.HELD_BACK) {
                unsent.add(id);
            } else {
                tried++;
            }
        }
        batch.release(unsent, token);
        // Only servers held back: the claim was full, but trying again at once would find them held back again.
        return tried == 0 ? 0 : claimed.size();
    }

    /** Lets the message in hand finish (its server's own timeouts bound the wait), and its claim go back. */
    @PreDestroy
    void stop() {
        stopping = true;
        try {
            if (running.tryLock(20, TimeUnit.SECONDS)) {
                running.unlock();
            } else {
                LOG.warning("outbox: a send was still running at undeploy; its claim runs out by itself");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
