package dev.lastmile.model.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a partner 3PL agreed to: where it delivers, which products, how many parcels a day, at what price and
 * within how many days. Allocation reads these; the settlement statement and the SLA figures too.
 */
@Embeddable
public class PartnerTerms {

    /** ISO 3166 alpha-2 codes, comma-separated. */
    @Column(name = "countries", nullable = false, length = 200)
    private String countries = "";

    /** Postcode prefixes (no spaces, capitals), comma-separated; empty covers the whole of its countries. */
    @Column(name = "postcode_prefixes", nullable = false, length = 4000)
    private String postcodePrefixes = "";

    @Column(name = "services", nullable = false, length = 60)
    private String services = "";

    @Column(name = "daily_capacity", nullable = false)
    private int dailyCapacity;

    @Column(name = "sla_days", nullable = false)
    private int slaDays = 1;

    @Column(name = "price_per_parcel", nullable = false, precision = 10, scale = 2)
    private BigDecimal pricePerParcel = BigDecimal.ZERO;

    @Column(name = "weight_bands", nullable = false, length = 500)
    private String weightBands = "";

    @Column(name = "same_day_surcharge", nullable = false, precision = 10, scale = 2)
    private BigDecimal sameDaySurcharge = BigDecimal.ZERO;

    @Column(name = "weekend_surcharge", nullable = false, precision = 10, scale = 2)
    private BigDecimal weekendSurcharge = BigDecimal.ZERO;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency = "EUR";

    protected PartnerTerms() {
    }

    public PartnerTerms(Set<String> countries, List<String> postcodePrefixes, Set<PartnerService> services,
                        int dailyCapacity, int slaDays, RateCard rates, String currency) {
        this.countries = String.join(",", countries.stream().sorted().toList());
        this.postcodePrefixes = String.join(",", postcodePrefixes.stream().map(PartnerTerms::normalised).toList());
        this.services = services.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.dailyCapacity = dailyCapacity;
        this.slaDays = slaDays;
        this.pricePerParcel = rates.perParcel();
        this.weightBands = RateCard.format(rates.bands());
        this.sameDaySurcharge = rates.sameDaySurcharge();
        this.weekendSurcharge = rates.weekendSurcharge();
        this.currency = currency;
    }

    /** Whether the address lies in the partner's area: its country, and one of its postcode prefixes if it has any. */
    public boolean covers(String country, String postcode) {
        if (!countries().contains(country)) {
            return false;
        }
        List<String> prefixes = postcodePrefixes();
        String code = normalised(postcode);
        return prefixes.isEmpty() || prefixes.stream().anyMatch(code::startsWith);
    }

    public boolean offers(PartnerService service) {
        return services().contains(service);
    }

    public Set<String> countries() {
        return split(countries).stream().collect(Collectors.toCollection(TreeSet::new));
    }

    public List<String> postcodePrefixes() {
        return split(postcodePrefixes);
    }

    public Set<PartnerService> services() {
        Set<PartnerService> set = EnumSet.noneOf(PartnerService.class);
        split(services).forEach(s -> set.add(PartnerService.valueOf(s)));
        return set;
    }

    public int dailyCapacity() {
        return dailyCapacity;
    }

    public int slaDays() {
        return slaDays;
    }

    public RateCard rates() {
        return new RateCard(pricePerParcel, RateCard.parseBands(weightBands), sameDaySurcharge, weekendSurcharge);
    }

    public String currency() {
        return currency;
    }

    /** "sw1a 1aa" and "SW1A1AA" are the same postcode. */
    public static String normalised(String postcode) {
        return postcode == null ? "" : postcode.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
