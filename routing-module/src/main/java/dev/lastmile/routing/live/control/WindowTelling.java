package dev.lastmile.routing.live.control;

import dev.lastmile.model.event.EtaRevised;
import dev.lastmile.model.live.WindowStage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What a recipient is told as the van comes closer: an hour, then half an hour a few stops away, then "you're
 * next". Inside the window told before, a new one only narrows (the recipient's plans hold); when the ETA leaves
 * it, the window moves, and by more than the margin only with a message.
 */
final class WindowTelling {

    /** A window told to a recipient and how narrow it is. */
    record Told(LocalDateTime from, LocalDateTime to, WindowStage stage) {

        Duration width() {
            return Duration.between(from, to);
        }

        boolean holds(LocalDateTime eta) {
            return !eta.isBefore(from) && !eta.isAfter(to);
        }
    }

    record Decision(Told told, EtaRevised.Change change, long movedMinutes) {
    }

    /**
     * @param halfHourStops  a stop this many stops away or closer gets the half-hour window ...
     * @param halfHourWithin ... once its ETA is this close
     * @param margin         a window moving by more than this is announced (late or early)
     */
    record Settings(int halfHourStops, Duration halfHourWithin, Duration margin) {
    }

    private final Settings settings;

    WindowTelling(Settings settings) {
        this.settings = settings;
    }

    Optional<Decision> next(Told told, LocalDateTime eta, int stopsBefore, LocalDateTime now) {
        WindowStage stage = stageFor(eta, stopsBefore, now);
        if (stage.compareTo(told.stage()) < 0) {
            stage = told.stage();
        }
        Duration width = Duration.ofMinutes(stage == WindowStage.HOUR ? 60 : 30);
        Told around = around(eta, width, stage);
        boolean nowNext = stage == WindowStage.NEXT && told.stage() != WindowStage.NEXT;
        if (told.holds(eta)) {
            if (width.compareTo(told.width()) >= 0) {
                return nowNext ? Optional.of(new Decision(new Told(told.from(), told.to(), stage), EtaRevised.Change.NEXT, 0))
                        : Optional.empty();
            }
            LocalDateTime from = around.from();
            if (from.isBefore(told.from())) {
                from = told.from();
            }
            if (from.plus(width).isAfter(told.to())) {
                from = told.to().minus(width);
            }
            Told narrower = new Told(from, from.plus(width), stage);
            return Optional.of(new Decision(narrower, nowNext ? EtaRevised.Change.NEXT : EtaRevised.Change.NARROWED, 0));
        }
        // Outside the window told: a small slip shifts it just enough (silently, within the margin); a larger one
        // re-centres it on the ETA, and the recipient is told.
        long outside = eta.isAfter(told.to()) ? minutesUp(Duration.between(told.to(), eta))
                : -minutesUp(Duration.between(eta, told.from()));
        if (Math.abs(outside) <= settings.margin().toMinutes()) {
            Told shifted = new Told(told.from().plusMinutes(outside), told.to().plusMinutes(outside), stage);
            if (shifted.width().compareTo(width) > 0) {
                shifted = outside > 0 ? new Told(shifted.to().minus(width), shifted.to(), stage)
                        : new Told(shifted.from(), shifted.from().plus(width), stage);
            }
            return Optional.of(new Decision(shifted, nowNext ? EtaRevised.Change.NEXT : EtaRevised.Change.ADJUSTED, outside));
        }
        long moved = outside > 0 ? Duration.between(told.to(), around.to()).toMinutes()
                : -Duration.between(around.from(), told.from()).toMinutes();
        return Optional.of(new Decision(around, moved > 0 ? EtaRevised.Change.LATE : EtaRevised.Change.EARLY, moved));
    }

    /** Whole minutes, rounded up to the next five: windows start and end on round times. */
    private static long minutesUp(Duration duration) {
        long minutes = (duration.toSeconds() + 59) / 60;
        return (minutes + 4) / 5 * 5;
    }

    private WindowStage stageFor(LocalDateTime eta, int stopsBefore, LocalDateTime now) {
        if (stopsBefore == 0) {
            return WindowStage.NEXT;
        }
        boolean close = stopsBefore <= settings.halfHourStops() && !eta.isAfter(now.plus(settings.halfHourWithin()));
        return close ? WindowStage.HALF_HOUR : WindowStage.HOUR;
    }

    /** A window of the width around the ETA, a third before and two thirds after (vans run late more than early). */
    static Told around(LocalDateTime eta, Duration width, WindowStage stage) {
        LocalDateTime from = eta.minus(width.dividedBy(3)).truncatedTo(ChronoUnit.MINUTES);
        from = from.minusMinutes(from.getMinute() % 5);
        return new Told(from, from.plus(width), stage);
    }
}
