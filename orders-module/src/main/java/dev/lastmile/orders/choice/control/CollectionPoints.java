package dev.lastmile.orders.choice.control;

import dev.lastmile.model.choice.CollectionPoint;
import dev.lastmile.model.choice.CompartmentPool;
import dev.lastmile.model.choice.CompartmentSize;
import dev.lastmile.model.geo.GeoPoint;
import dev.lastmile.model.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Pickup points and lockers near a recipient, and the compartment a parcel would take. */
@ApplicationScoped
public class CollectionPoints {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.collection-points.radius-km", defaultValue = "5")
    double radiusKm;

    public List<CollectionPoint> near(GeoPoint home) {
        if (home == null) {
            return List.of();
        }
        return em.createNamedQuery(CollectionPoint.ALL, CollectionPoint.class).getResultList().stream()
                .filter(p -> p.location().kilometresTo(home) <= radiusKm)
                .sorted(Comparator.comparingDouble(p -> p.location().kilometresTo(home))).toList();
    }

    public CollectionPoint byCode(String code) {
        return em.createNamedQuery(CollectionPoint.BY_CODE, CollectionPoint.class).setParameter("code", code)
                .getResultList().stream().findFirst().orElseThrow(() -> new NotFound("collection point", code));
    }

    public List<CompartmentPool> pools(CollectionPoint point) {
        return em.createNamedQuery(CompartmentPool.AT_POINT, CompartmentPool.class).setParameter("point", point)
                .getResultList();
    }

    /** The smallest free compartment that takes the parcel (a pickup point's counter takes any). */
    public Optional<CompartmentPool> poolFor(CollectionPoint point, double weightKg) {
        return pools(point).stream().filter(p -> p.size().fits(weightKg) && p.free() > 0)
                .min(Comparator.comparing(CompartmentPool::size));
    }

    public CollectionPoint create(CollectionPoint point, Map<CompartmentSize, Integer> compartments) {
        em.persist(point);
        compartments.forEach((size, count) -> em.persist(new CompartmentPool(point, size, count)));
        return point;
    }
}
