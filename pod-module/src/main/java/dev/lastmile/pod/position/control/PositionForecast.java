package dev.lastmile.pod.position.control;

import dev.lastmile.model.event.RouteProgressed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** One route's forecast after its van moved, in a transaction of its own (the routing module observes it). */
@Stateless
public class PositionForecast {

    @Inject
    Event<RouteProgressed> progressed;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void of(RouteProgressed moved) {
        progressed.fire(moved);
    }
}
