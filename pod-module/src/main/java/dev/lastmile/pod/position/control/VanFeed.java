package dev.lastmile.pod.position.control;

import dev.lastmile.model.live.VanPosition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatchers' live feed of a depot's vans, as server-sent events: every committed position goes to the
 * depot's open streams at once. Each instance feeds the streams opened on it, with the positions it took; behind a
 * load balancer a console also polls the depot's positions, so a van reported to another instance shows within
 * a poll.
 */
@ApplicationScoped
public class VanFeed {

    static final String EVENT = "position";

    private final Map<Long, SseBroadcaster> depots = new ConcurrentHashMap<>();
    private volatile Sse sse;

    public void open(long depotId, Sse sse, SseEventSink sink) {
        this.sse = sse;
        depots.computeIfAbsent(depotId, id -> {
            SseBroadcaster broadcaster = sse.newBroadcaster();
            broadcaster.onClose(closed -> depots.remove(id, broadcaster));
            return broadcaster;
        }).register(sink);
        sink.send(sse.newEventBuilder().name("hello").data(String.class, "{}").reconnectDelay(3000).build());
    }

    void moved(@Observes(during = TransactionPhase.AFTER_SUCCESS) PositionIngestion.VansMoved vans) {
        Sse events = sse;
        if (events == null) {
            return;
        }
        for (VanPosition position : vans.positions()) {
            SseBroadcaster broadcaster = depots.get(position.depotId());
            if (broadcaster != null) {
                broadcaster.broadcast(events.newEventBuilder().name(EVENT).mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(String.class, json(position)).build());
            }
        }
    }

    public static String json(VanPosition position) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("routeId", position.routeId())
                .add("latitude", position.at().latitude()).add("longitude", position.at().longitude())
                .add("at", position.fixedAt().toString());
        position.accuracyMetres().ifPresent(a -> json.add("accuracyM", a));
        position.speedKmh().ifPresent(s -> json.add("speedKmh", s));
        return json.build().toString();
    }
}
