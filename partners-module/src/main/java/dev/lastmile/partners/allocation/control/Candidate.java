package dev.lastmile.partners.allocation.control;

import dev.lastmile.model.partner.Partner;
import dev.lastmile.model.partner.RateCard;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A partner that fits a parcel: it covers the address, offers the service, takes the weight and has room. */
record Candidate(Partner partner, RateCard.Price price, int taken, int capacity) {

    int room() {
        return capacity - taken;
    }

    /**
     * The cheapest; among those within {@code tolerance} of the cheapest price, the one with the most room,
     * then the partner code, so the same inputs always give the same partner.
     */
    static Optional<Candidate> best(List<Candidate> fits, double tolerance) {
        Optional<BigDecimal> cheapest = fits.stream().map(c -> c.price().total()).min(Comparator.naturalOrder());
        if (cheapest.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal ceiling = cheapest.get().multiply(BigDecimal.valueOf(1 + tolerance));
        return fits.stream().filter(c -> c.price().total().compareTo(ceiling) <= 0)
                .min(Comparator.comparing((Candidate c) -> tolerance > 0 ? BigDecimal.ZERO : c.price().total())
                        .thenComparing(Comparator.comparingInt(Candidate::room).reversed())
                        .thenComparing(c -> c.price().total())
                        .thenComparing(c -> c.partner().code()));
    }
}
