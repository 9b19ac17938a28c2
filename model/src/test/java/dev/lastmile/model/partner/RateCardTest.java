package dev.lastmile.model.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateCardTest {

    private final RateCard card = new RateCard(new BigDecimal("3.10"), RateCard.parseBands("10=1.60;5=0.80"),
            new BigDecimal("2.00"), new BigDecimal("1.50"));

    @Test
    void theFirstBandThatHoldsTheParcelAddsItsSurchargeAndTheServiceItsOwn() {
        assertEquals(new BigDecimal("3.90"), card.priceOf(4.99, PartnerService.NEXT_DAY).orElseThrow().total());
        assertEquals(new BigDecimal("4.70"), card.priceOf(5.01, PartnerService.NEXT_DAY).orElseThrow().total());
        assertEquals(new BigDecimal("6.70"), card.priceOf(10, PartnerService.SAME_DAY).orElseThrow().total());
        assertEquals(new BigDecimal("6.20"), card.priceOf(6, PartnerService.WEEKEND).orElseThrow().total());
    }

    @Test
    void aParcelHeavierThanTheLastBandDoesNotFitTheCard() {
        assertTrue(card.priceOf(10.5, PartnerService.NEXT_DAY).isEmpty());
        RateCard anyWeight = new RateCard(BigDecimal.ONE, List.of(), BigDecimal.ZERO, BigDecimal.ZERO);
        assertEquals(new BigDecimal("1.00"), anyWeight.priceOf(500, PartnerService.NEXT_DAY).orElseThrow().total());
    }

    @Test
    void bandsAreWrittenBackSortedAndBadOnesSayHowToWriteThem() {
        assertEquals("5=0.80;10=1.60", RateCard.format(card.bands()));
        assertThrows(IllegalArgumentException.class, () -> RateCard.parseBands("heavy"));
        assertThrows(IllegalArgumentException.class, () -> RateCard.parseBands("5=-1"));
        assertThrows(IllegalArgumentException.class, () -> RateCard.parseBands("0=1"));
    }

    @Test
    void coverageIsTheCountryAndOneOfItsPrefixesWhateverTheSpacing() {
        PartnerTerms terms = new PartnerTerms(Set.of("GB"), List.of("bt", "IV1"), Set.of(PartnerService.NEXT_DAY), 10, 1, card, "GBP");
        assertTrue(terms.covers("GB", "bt1 5gs"));
        assertTrue(terms.covers("GB", "IV1 1HY"));
        assertEquals(false, terms.covers("GB", "IV2 3AA"));
        assertEquals(false, terms.covers("IE", "BT1 5GS"));
        PartnerTerms wholeCountry = new PartnerTerms(Set.of("GB"), List.of(), Set.of(PartnerService.NEXT_DAY), 10, 1, card, "GBP");
        assertTrue(wholeCountry.covers("GB", "ZE1 0AA"));
    }

    @Test
    void theServiceFollowsTheDeliveryDay() {
        LocalDate wednesday = LocalDate.of(2026, 12, 2);
        assertEquals(PartnerService.SAME_DAY, PartnerService.forDelivery(wednesday, wednesday));
        assertEquals(PartnerService.NEXT_DAY, PartnerService.forDelivery(wednesday.plusDays(1), wednesday));
        assertEquals(PartnerService.WEEKEND, PartnerService.forDelivery(wednesday.plusDays(3), wednesday));
    }
}
