package dev.lastmile.model.access;

/** The {@link Role} names as constants, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String DISPATCHER = "DISPATCHER";
    public static final String DEPOT_STAFF = "DEPOT_STAFF";
    public static final String CUSTOMER_SERVICE = "CUSTOMER_SERVICE";
    public static final String MANAGER = "MANAGER";
    public static final String PARTNER = "PARTNER";
    public static final String SHIPPER = "SHIPPER";
    public static final String DRIVER = "DRIVER";

    private Roles() {
    }
}
