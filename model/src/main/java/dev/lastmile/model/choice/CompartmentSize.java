package dev.lastmile.model.choice;

/**
 * Locker compartment sizes and the heaviest parcel each takes (a carrier's usual S/M/L lockers).
 * Pickup points take any parcel up to the carrier's limit: their pool is {@link #ANY}.
 */
public enum CompartmentSize {
    S(2), M(10), L(31.5), ANY(31.5);

    private final double maxKg;

    CompartmentSize(double maxKg) {
        this.maxKg = maxKg;
    }

    public boolean fits(double weightKg) {
        return weightKg <= maxKg;
    }
}
