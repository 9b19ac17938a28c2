package dev.lastmile.model.event;

/**
 * Something a person, partner or shipper did (or read) that the audit trail must remember. Modules
 * fire it; the access module observes it and writes the entry in the same transaction, as the current
 * caller, so a change that rolls back leaves no entry.
 *
 * @param action      what happened, e.g. {@code handoff.accepted} or {@code recipient-contact.read}
 * @param subjectType the kind of thing, e.g. {@code parcel}
 * @param subjectIds  the ids concerned, comma-separated
 */
public record Audited(String action, String subjectType, String subjectIds, String detail) {
}
