package dev.lastmile.orders.choice.control;

import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a recipient may still change how a parcel is delivered: before the cut-off (the evening
 * before the delivery day, when the depot plans its routes) and never once the parcel is on a van.
 */
@ApplicationScoped
public class ChoiceWindow {

    private static final Set<ParcelStatus> CHANGEABLE = EnumSet.of(ParcelStatus.AWAITING_ADDRESS,
            ParcelStatus.REGISTERED, ParcelStatus.PLANNED, ParcelStatus.HELD_AT_DEPOT);

    private static final Set<ParcelStatus> PARTNERS = EnumSet.of(ParcelStatus.AWAITING_PARTNER,
            ParcelStatus.OFFERED_TO_PARTNER, ParcelStatus.HANDED_TO_PARTNER);

    @Inject
    @ConfigProperty(name = "lastmile.choices.cutoff", defaultValue = "18:00")
    String cutOffTime;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    public Instant cutOff(LocalDate deliveryDay) {
        return deliveryDay.minusDays(1).atTime(LocalTime.parse(cutOffTime)).atZone(ZoneId.of(zone)).toInstant();
    }

    /** Why a change is refused now, if it is. */
    public Optional<String> closedReason(Parcel parcel, Instant now) {
        if (!CHANGEABLE.contains(parcel.status())) {
            return Optional.of(switch (parcel.status()) {
                case OUT_FOR_DELIVERY -> "The parcel is already out for delivery.";
                case DELIVERED -> "The parcel has been delivered.";
                default -> "The parcel is " + parcel.status().name().toLowerCase().replace('_', ' ') + ".";
            });
        }
        Instant cutOff = cutOff(parcel.deliveryDate());
        if (!now.isBefore(cutOff)) {
            return Optional.of("Changes for delivery on " + parcel.deliveryDate() + " closed at " + cutOff + ".");
        }
        return Optional.empty();
    }

    public void requireOpen(Parcel parcel, Instant now) {
        closedReason(parcel, now).ifPresent(reason -> {
            throw new RuleViolation("choice-closed", "Delivery choices closed", reason);
        });
    }

    /**
     * Choices that move the parcel (another day or slot, another address, a locker) close once it is on
     * a published route: the driver's manifest and the route's order depend on them. Wishes for the
     * hand-over (safe place, neighbour, instructions, contactless) stay open until it leaves the depot.
     */
    public void requireUnrouted(Parcel parcel, Instant now) {
        requireOpen(parcel, now);
        if (parcel.status() == ParcelStatus.PLANNED) {
            throw new RuleViolation("choice-closed", "Delivery choices closed", "The parcel is already on a route for "
                    + parcel.deliveryDate() + "; safe place, neighbour, instructions and contactless can still change.");
        }
    }

    /**
     * A parcel bound for or carried by a partner 3PL may still go to another address before the cut-off: the
     * partner is told (or the parcel allocated again). Its other choices are the partner's to honour, not ours.
     */
    public void requireRedirectable(Parcel parcel, Instant now) {
        if (!PARTNERS.contains(parcel.status())) {
            requireUnrouted(parcel, now);
            return;
        }
        Instant cutOff = cutOff(parcel.deliveryDate());
        if (!now.isBefore(cutOff)) {
            throw new RuleViolation("choice-closed", "Delivery choices closed",
                    "Changes for delivery on " + parcel.deliveryDate() + " closed at " + cutOff + ".");
        }
    }

    /** The first day a recipient may move the delivery to: the cut-off of that day must lie ahead. */
    public LocalDate firstBookableDay(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneId.of(zone)).plusDays(1);
        return now.isBefore(cutOff(day)) ? day : day.plusDays(1);
    }
}
