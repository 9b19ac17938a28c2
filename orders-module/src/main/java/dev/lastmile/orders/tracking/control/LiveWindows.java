package dev.lastmile.orders.tracking.control;

import dev.lastmile.model.event.EtaRevised;
import dev.lastmile.model.parcel.Parcel;
import dev.lastmile.orders.notify.control.Announcements;
import dev.lastmile.orders.notify.control.MessageTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live window as the recipient and the shipper hear of it: the tracking page shows every revision, the shipper
 * gets an ETA-changed webhook for each, and the recipient a message when theirs is the next stop or the van runs
 * late (or early) by more than the margin; never in quiet hours, and at most a few a day per parcel.
 */
@ApplicationScoped
public class LiveWindows {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Parcels parcels;

    @Inject
    Announcements announcements;

    @Inject
    @ConfigProperty(name = "lastmile.zone", defaultValue = "Europe/London")
    String zone;

    @Inject
    @ConfigProperty(name = "lastmile.live.messages-per-day", defaultValue = "3")
    int messagesPerDay;

    /** Local times between which no live message is sent, such as 21:00-08:00; "none" for none. */
    @Inject
    @ConfigProperty(name = "lastmile.live.quiet-hours", defaultValue = "21:00-08:00")
    Optional<String> quietHours;

    void revised(@Observes EtaRevised event) {
        Parcel parcel = parcels.byTrackingId(event.trackingId());
        parcel.expectBetween(event.from(), event.to());
        String from = CLOCK.format(event.from());
        String to = CLOCK.format(event.to());
        announcements.etaChanged(parcel, event.at(), event.from(), event.to(), event.eta(), event.change().name(),
                event.stopsBefore());
        MessageTemplate template = switch (event.change()) {
            case NEXT -> MessageTemplate.YOU_ARE_NEXT;
            case LATE -> MessageTemplate.RUNNING_LATE;
            case EARLY -> MessageTemplate.WINDOW_MOVED;
            case NARROWED, ADJUSTED -> null;
        };
        LocalDateTime at = LocalDateTime.ofInstant(event.at(), ZoneId.of(zone));
        if (template == null || quiet(at.toLocalTime()) || !parcel.allowLiveMessage(at.toLocalDate(), messagesPerDay)) {
            return;
        }
        long minutes = Math.max(1, Duration.between(at, event.eta()).toMinutes());
        announcements.live(parcel, template, event.at(), from, to, minutes);
    }

    private boolean quiet(LocalTime time) {
        if (quietHours.isEmpty() || quietHours.get().isBlank() || quietHours.get().trim().equalsIgnoreCase("none")) {
            return false;
        }
        String[] span = quietHours.get().split("-");
        LocalTime start = LocalTime.parse(span[0].trim());
        LocalTime end = LocalTime.parse(span[1].trim());
        return start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
    }
}
