package dev.lastmile.pod.proof.control;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelsByTrackingId;
import dev.lastmile.model.parcel.TrackingId;
import dev.lastmile.model.shipper.ShippersByKey;
import dev.lastmile.model.problem.NotFound;
import dev.lastmile.model.proof.DeliveryProof;
import dev.lastmile.model.proof.Photo;
import dev.lastmile.pod.closing.control.Reconciliation;
import dev.lastmile.reports.ReportRenderer;
import dev.lastmile.reports.ReportTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Documents of proof: the ePOD certificate of a delivery, and a route's reconciliation. */
@ApplicationScoped
public class Certificates {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    /**
     * The certificate is given to the parcel's shipper (by API key) and to who knows the recipient's
     * postcode, like the tracking details. Anyone else learns nothing, not even that the parcel exists.
     */
    public byte[] deliveryCertificate(String trackingIdText, String postcode, String apiKey) {
        TrackingId trackingId = TrackingId.parse(trackingIdText);
        Parcel parcel = ParcelsByTrackingId.find(em, trackingId);
        boolean allowed = apiKey != null ? parcel.isShippedBy(ShippersByKey.find(em, apiKey))
                : parcel.address().postcode().matches(postcode);
        if (!allowed) {
            throw new NotFound("parcel", trackingId.value());
        }
        DeliveryProof proof = em.createNamedQuery(DeliveryProof.OF_PARCEL, DeliveryProof.class).setParameter("parcel", parcel)
                .getResultList().stream().findFirst().orElseThrow(() -> new NotFound("proof of delivery", trackingId.value()));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("trackingId", trackingId.value());
        parameters.put("recipient", parcel.recipient().name());
        parameters.put("address", parcel.address().line() + ", " + parcel.address().town() + " " + parcel.address().postcode().value());
        parameters.put("method", proof.method().name().replace('_', ' ').toLowerCase());
        parameters.put("receivedBy", proof.receivedBy()
                + proof.neighbourHouse().map(house -> " (neighbour, " + house + ")").orElse("")
                + proof.lockerCompartment().map(box -> " (locker compartment " + box + ")").orElse(""));
        parameters.put("deliveredAt", WHEN.format(proof.deliveredAt().atZone(ZoneId.of(zone))));
        parameters.put("position", String.format("%.6f, %.6f", proof.location().latitude(), proof.location().longitude())
                + proof.accuracyMetres().map(m -> String.format(" (accuracy %.0f m)", m)).orElse(""));
        parameters.put("driver", proof.driver().map(d -> d.name()).orElse("-"));
        parameters.put("vehicle", proof.route().map(r -> r.vehicle().registration()).orElse("-"));
        proof.signaturePng().ifPresent(png -> parameters.put("signature", new ByteArrayInputStream(png)));
        List<Map<String, ?>> photos = em.createNamedQuery(Photo.OF_PROOF, Photo.class).setParameter("proof", proof.id())
                .getResultList().stream().<Map<String, ?>>map(photo -> Map.of("photo", new ByteArrayInputStream(photo.jpeg()))).toList();
        return ReportRenderer.pdf(ReportTemplate.DELIVERY_CERTIFICATE, parameters, photos);
    }

    public byte[] reconciliation(Reconciliation reconciliation) {
        List<Map<String, ?>> rows = Stream.of(
                        lines("Delivered", reconciliation.delivered()), lines("Failed, back at depot", reconciliation.failed()),
                        lines("Back at depot", reconciliation.returnedToDepot()), lines("MISSING", reconciliation.missing()),
                        lines("Outstanding", reconciliation.outstanding()))
                .flatMap(List::stream).toList();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("routeId", String.valueOf(reconciliation.routeId()));
        parameters.put("vehicle", reconciliation.vehicle());
        parameters.put("driver", reconciliation.driver() == null ? "-" : reconciliation.driver());
        parameters.put("day", reconciliation.day());
        parameters.put("closedAt", reconciliation.closedAt() == null ? "open" : reconciliation.closedAt());
        parameters.put("summary", String.format("Delivered %d, failed %d, back at depot %d, missing %d, outstanding %d",
                reconciliation.delivered().size(), reconciliation.failed().size(), reconciliation.returnedToDepot().size(),
                reconciliation.missing().size(), reconciliation.outstanding().size()));
        return ReportRenderer.pdf(ReportTemplate.ROUTE_RECONCILIATION, parameters, rows);
    }

    private static List<Map<String, ?>> lines(String outcome, List<Reconciliation.Line> lines) {
        return lines.stream().<Map<String, ?>>map(line -> Map.of("outcome", outcome, "trackingId", line.trackingId(),
                "recipient", line.recipient(), "address", line.address(), "detail", line.detail())).toList();
    }
}
