package dev.lastmile.pod.position.boundary;

import java.util.List;

/** GPS fixes a handheld collected, possibly offline, in the order it took them (the server sorts them anyway). */
public record PositionBatch(List<Fix> fixes) {

    public record Fix(String at, Double latitude, Double longitude, Double accuracyM, Double speedKmh) {
    }
}
