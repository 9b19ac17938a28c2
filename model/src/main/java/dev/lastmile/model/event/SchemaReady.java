package dev.lastmile.model.event;

/** Fired once at start-up when the schema is at the latest migration, before anything is served. */
public record SchemaReady(String version) {
}
