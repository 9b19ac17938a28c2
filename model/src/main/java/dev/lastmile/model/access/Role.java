package dev.lastmile.model.access;

/**
 * What a caller may do. Staff roles come with depots; the last three are the outside parties, each
 * recognised by its own credential. Annotations need constants: {@link Roles} holds the same names.
 */
public enum Role {
    /** Accounts, shippers, partners, depots, configuration; may also act in every staff role. */
    ADMIN,
    /** Fleet, availability, planning jobs, publishing, re-planning, routes. */
    DISPATCHER,
    /** Address checks, exception review, day close, handhelds of its depot, returns received. */
    DEPOT_STAFF,
    /** Parcel search and details including the recipient's contact data; changes on a recipient's behalf. */
    CUSTOMER_SERVICE,
    /** Reports and read-only views. */
    MANAGER,
    /** A partner 3PL, by its client credentials. */
    PARTNER,
    /** A shipper, by its API key. */
    SHIPPER,
    /** A driver's handheld, by its device token. */
    DRIVER;

    public boolean isStaff() {
        return this.ordinal() <= MANAGER.ordinal();
    }
}
