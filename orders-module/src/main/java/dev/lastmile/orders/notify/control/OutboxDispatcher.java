package dev.lastmile.orders.notify.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Empties the outbox every second. A tick that finds a full batch goes on with the next one; a tick
 * still running when the next fires makes that one return at once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());
    private static final int BATCH = 50;

    @EJB
    OutboxBatch batch;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            while (batch.sendDue(BATCH) == BATCH) {
                LOG.fine("outbox: another batch");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "outbox dispatch failed; next tick retries", e);
        } finally {
            running.set(false);
        }
    }
}
