package dev.lastmile.model.partner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the carrier pays a partner for one parcel: a price per parcel, plus the surcharge of the first weight band
 * that holds the parcel, plus a surcharge for same-day or weekend delivery. Written {@code 5=0.80;10=1.60;31.5=3.20}
 * for the bands (up to kg = surcharge); a parcel heavier than the last band does not fit the card.
 */
public record RateCard(BigDecimal perParcel, List<Band> bands, BigDecimal sameDaySurcharge, BigDecimal weekendSurcharge) {

    public record Band(double upToKg, BigDecimal surcharge) {
    }

    /** The price of one parcel, and the part of it that is surcharge. */
    public record Price(BigDecimal base, BigDecimal surcharge) {

        public BigDecimal total() {
            return base.add(surcharge);
        }
    }

    public RateCard {
        bands = bands.stream().sorted(Comparator.comparingDouble(Band::upToKg)).toList();
    }

    /** @throws IllegalArgumentException with a message fit for the caller when the text is not a list of bands */
    public static List<Band> parseBands(String text) {
        List<Band> bands = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return bands;
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("each weight band is written upToKg=surcharge, separated by ';'");
            }
            try {
                double upTo = Double.parseDouble(parts[0].trim());
                BigDecimal surcharge = new BigDecimal(parts[1].trim());
                if (!(upTo > 0) || surcharge.signum() < 0) {
                    throw new IllegalArgumentException("weight bands need a positive weight and a surcharge of 0 or more");
                }
                bands.add(new Band(upTo, surcharge));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight bands are numbers: upToKg=surcharge");
            }
        }
        return bands;
    }

    public static String format(List<Band> bands) {
        StringBuilder text = new StringBuilder();
        for (Band band : bands) {
            text.append(text.length() == 0 ? "" : ";").append(stripped(band.upToKg())).append('=')
                    .append(band.surcharge().toPlainString());
        }
        return text.toString();
    }

    /** Empty when the parcel is heavier than the card's last band (a card without bands takes any weight). */
    public Optional<Price> priceOf(double weightKg, PartnerService service) {
        BigDecimal surcharge = BigDecimal.ZERO;
        if (!bands.isEmpty()) {
            Band band = bands.stream().filter(b -> weightKg <= b.upToKg()).findFirst().orElse(null);
            if (band == null) {
                return Optional.empty();
            }
            surcharge = band.surcharge();
        }
        surcharge = surcharge.add(switch (service) {
            case SAME_DAY -> sameDaySurcharge;
            case WEEKEND -> weekendSurcharge;
            case NEXT_DAY -> BigDecimal.ZERO;
        });
        return Optional.of(new Price(perParcel.setScale(2, RoundingMode.HALF_UP),
                surcharge.setScale(2, RoundingMode.HALF_UP)));
    }

    private static String stripped(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
