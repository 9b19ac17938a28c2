package dev.lastmile.reports.label;

import dev.lastmile.reports.ReportRenderer;
import dev.lastmile.reports.ReportTemplate;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints parcel labels as a PDF of 4x6 inch pages, one page per parcel, for thermal label printers. */
public final class LabelPrinter {

    // Frame sizes in points of the barcode images in parcel-label.jrxml; the images are drawn to fit them exactly.
    static final int CODE_128_WIDTH = 268;
    static final int CODE_128_HEIGHT = 90;
    static final int QR_SIZE = 96;

    private LabelPrinter() {
    }

    public static byte[] pdf(ParcelLabel label) {
        return pdf(List.of(label));
    }

    /** Shippers print in batches: the labels come out in the order given. */
    public static byte[] pdf(List<ParcelLabel> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels to print");
        }
        List<Map<String, ?>> pages = labels.stream().map(LabelPrinter::page).toList();
        return ReportRenderer.pdf(ReportTemplate.PARCEL_LABEL, Map.of(), pages);
    }

    private static Map<String, ?> page(ParcelLabel label) {
        return Map.ofEntries(
                Map.entry("trackingId", label.trackingId()),
                Map.entry("shipper", label.shipper()),
                Map.entry("recipientName", label.recipientName()),
                Map.entry("addressLine", label.addressLine()),
                Map.entry("town", label.town()),
                Map.entry("postcode", label.postcode()),
                Map.entry("country", label.country()),
                Map.entry("delivery", delivery(label)),
                Map.entry("weight", String.format(Locale.ROOT, "%.2f kg", label.weightKg())),
                Map.entry("sortLine", label.depotCode() + " · " + (label.planned() ? label.sortCode() : "UNPLANNED")),
                Map.entry("pinRequired", label.pinRequired()),
                Map.entry("code128", new ByteArrayInputStream(
                        LabelBarcodes.code128(label.trackingId(), CODE_128_WIDTH, CODE_128_HEIGHT))),
                Map.entry("qr", new ByteArrayInputStream(LabelBarcodes.qr(label.trackingId(), QR_SIZE))));
    }

    private static String delivery(ParcelLabel label) {
        return "Deliver " + label.deliveryDate() + (label.slot() == null ? "" : " · " + label.slot());
    }
}
