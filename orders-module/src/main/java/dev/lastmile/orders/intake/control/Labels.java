package dev.lastmile.orders.intake.control;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.route.Route;
import dev.lastmile.model.route.Stop;
import dev.lastmile.model.shipper.Shipper;
import dev.lastmile.model.tracking.TrackingCode;
import dev.lastmile.orders.tracking.control.Timeline;
import dev.lastmile.reports.label.LabelPrinter;
import dev.lastmile.reports.label.ParcelLabel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints 4x6 labels: the tracking id as Code 128 and QR, the recipient, and once the parcel is
 * planned the sort code (depot, route number of the day, stop) the depot sorts by.
 */
@ApplicationScoped
public class Labels {

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    Timeline timeline;

    public byte[] print(List<Parcel> parcels) {
        Map<Long, Stop> stops = latestStops(parcels);
        Instant now = Instant.now();
        List<ParcelLabel> labels = parcels.stream().map(p -> label(p, stops.get(p.id()))).toList();
        for (Parcel parcel : parcels) {
            if (parcel.labelPrinted(now)) {
                timeline.append(parcel.trackingId(), TrackingCode.LABEL_PRINTED, now, "Label printed by the sender.");
            }
        }
        return LabelPrinter.pdf(labels);
    }

    private ParcelLabel label(Parcel parcel, Stop stop) {
        var address = parcel.address();
        String sortCode = stop == null ? null : ParcelLabel.sortCode(routeNumber(stop.route()), stop.sequence());
        return new ParcelLabel(parcel.trackingId().value(), parcel.shipper().map(Shipper::name).orElse("Lastmile"),
                parcel.recipient().name(), address.line(), address.town(), address.postcode().value(),
                address.postcode().country(), parcel.deliveryDate().toString(),
                parcel.slot().map(s -> s.from() + "-" + s.to()).orElse(null), parcel.weightKg(),
                parcel.depot() == null ? "----" : parcel.depot().code(), sortCode, parcel.requiresPin());
    }

    /** Routes are numbered by the depot per day in the order they were planned: R01, R02 ... */
    private int routeNumber(Route route) {
        List<Route> day = em.createNamedQuery(Route.OF_DAY, Route.class).setParameter("depot", route.depot())
                .setParameter("day", route.day()).getResultList();
        return day.indexOf(route) + 1;
    }

    private Map<Long, Stop> latestStops(List<Parcel> parcels) {
        if (parcels.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery(Stop.OF_PARCELS, Stop.class).setParameter("parcels", parcels).getResultList()
                .stream().collect(Collectors.toMap(s -> s.parcel().id(), Function.identity(),
                        (a, b) -> Comparator.comparing((Stop s) -> s.route().id()).compare(a, b) >= 0 ? a : b));
    }
}
