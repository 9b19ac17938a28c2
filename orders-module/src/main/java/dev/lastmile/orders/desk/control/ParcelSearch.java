package dev.lastmile.orders.desk.control;

import dev.lastmile.model.access.Caller;
import dev.lastmile.model.parcel.ParcelStatus;
import dev.lastmile.model.problem.InvalidRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Staff look a parcel up by what the caller on the phone or the label in hand gives them: a tracking id,
 * a shipper's reference, a postcode or the recipient's name (its first or last word), each by its start.
 * Every alternative is an index range of its own, and the alternatives are joined with UNION, so the
 * search stays an index lookup on a million parcels; an OR across them would make the database read the
 * whole table.
 */
@ApplicationScoped
public class ParcelSearch {

    /** Counting a vague search stops here: "more than 10,000" is all a person needs to know. */
    public static final int COUNT_LIMIT = 10_000;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern POSTCODE_START = Pattern.compile("(?i)[a-z]{1,2}\\d[a-z\\d]?( ?\\d?[a-z]{0,2})?");
    /** A name's word: letters, apostrophes and hyphens ("O'Neil", "Jean-Paul"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");

    @PersistenceContext(unitName = "lastmile")
    EntityManager em;

    public record Criteria(String text, String depot, ParcelStatus status, LocalDate deliveryDate, int page, int size) {
    }

    public record Hit(String trackingId, String shipperReference, String recipientName, String postcode, String town,
                      String status, LocalDate deliveryDate, String depot) {
    }

    public record Result(long total, boolean totalCapped, List<Hit> hits) {
    }

    public Result search(Criteria criteria, Caller caller) {
        String text = criteria.text() == null ? "" : criteria.text().strip();
        if (text.length() > 64) {
            throw new InvalidRequest("q", "search for at most 64 characters");
        }
        Sql sql = new Sql();
        String filters = filters(criteria, caller, sql);
        if (filters == null) {
            return new Result(0, false, List.of());
        }
        // One pass over the index ranges, newest first, at most one more than is counted: the count and the
        // page come from the same ids, read from the indexes alone; only the page's rows are read after.
        String ids = "SELECT id FROM (" + String.join(" UNION ", ranges(text, filters, sql)) + ") u ORDER BY id DESC";
        List<Long> found = new ArrayList<>();
        for (Object id : sql.apply(em.createNativeQuery(ids)).setMaxResults(COUNT_LIMIT + 1).getResultList()) {
            found.add(((Number) id).longValue());
        }
        int from = Math.min(found.size(), criteria.page() * criteria.size());
        List<Long> page = found.subList(from, Math.min(found.size(), from + criteria.size()));
        return new Result(Math.min(found.size(), COUNT_LIMIT), found.size() > COUNT_LIMIT, hits(page));
    }

    /** The caller's depots, status and day as conditions every range carries; null when nothing can match. */
    private String filters(Criteria criteria, Caller caller, Sql sql) {
        StringBuilder where = new StringBuilder();
        if (criteria.depot() != null && !criteria.depot().isBlank()) {
            if (!caller.sees(criteria.depot())) {
                return null;
            }
            List<Long> depot = depotIds(List.of(criteria.depot()));
            if (depot.isEmpty()) {
                return null;
            }
            where.append(" AND depot_id = ").append(sql.bind(depot.get(0)));
        } else if (!caller.allDepots()) {
            // Parcels not yet at a depot (address to check) are seen by the staff of every depot, as
            // Parcel.isVisibleTo has it; an account without a depot sees none.
            List<Long> depots = depotIds(List.copyOf(caller.depots()));
            if (depots.isEmpty()) {
                return null;
            }
            where.append(" AND (depot_id IS NULL OR depot_id IN (").append(sql.bindAll(depots)).append("))");
        }
        if (criteria.status() != null) {
            where.append(" AND status = ").append(sql.bind(criteria.status().name()));
        }
        if (criteria.deliveryDate() != null) {
            where.append(" AND delivery_date = ").append(sql.bind(Date.valueOf(criteria.deliveryDate())));
        }
        return where.toString();
    }

    private List<Long> depotIds(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT d.id FROM Depot d WHERE d.code IN :codes", Long.class).setParameter("codes", codes)
                .getResultList();
    }

    private List<Hit> hits(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Sql sql = new Sql();
        List<Hit> hits = new ArrayList<>();
        for (Object row : sql.apply(em.createNativeQuery("SELECT p.tracking_id, p.shipper_reference, p.recipient_name,"
                + " p.postcode, p.town, p.status, p.delivery_date, d.code FROM parcel p LEFT JOIN depot d ON d.id = p.depot_id"
                + " WHERE p.id IN (" + sql.bindAll(ids) + ") ORDER BY p.id DESC")).getResultList()) {
            Object[] c = (Object[]) row;
            hits.add(new Hit((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    c[6] == null ? null : ((Date) c[6]).toLocalDate(), (String) c[7]));
        }
        return hits;
    }

    /** The index ranges the text can stand for, each with the filters; all parcels when there is no text. */
    private static List<String> ranges(String text, String filters, Sql sql) {
        if (text.isEmpty()) {
            return List.of("SELECT id FROM parcel WHERE 1 = 1" + filters);
        }
        List<String> ranges = new ArrayList<>();
        String compact = text.replace(" ", "");
        if (DIGITS.matcher(compact).matches()) {
            ranges.add("SELECT id FROM parcel WHERE tracking_id LIKE " + sql.bind(likePrefix(compact)) + filters);
        }
        ranges.add("SELECT id FROM parcel WHERE shipper_reference LIKE " + sql.bind(likePrefix(text)) + filters);
        if (POSTCODE_START.matcher(text).matches() || DIGITS.matcher(text).matches() && text.length() <= 5) {
            ranges.add("SELECT id FROM parcel WHERE postcode LIKE " + sql.bind(likePrefix(postcodeStart(text))) + filters);
        }
        List<String> words = words(text);
        if (!words.isEmpty()) {
            ranges.addAll(nameRanges(words, filters, sql));
        }
        return ranges;
    }

    /**
     * A name by the start of its first or of its last word: "Fordw" finds "Ada Fordwell", "Ada" too; with
     * more words, the first word starts the name and the last starts its last word ("ada ford"), and any
     * word between must appear in it.
     */
    private static List<String> nameRanges(List<String> words, String filters, Sql sql) {
        if (words.size() == 1) {
            String start = likePrefix(words.get(0));
            return List.of("SELECT id FROM parcel WHERE recipient_name LIKE " + sql.bind(start) + filters,
                    "SELECT id FROM parcel WHERE recipient_last_word LIKE " + sql.bind(start) + filters);
        }
        StringBuilder between = new StringBuilder();
        for (String middle : words.subList(1, words.size() - 1)) {
            between.append(" AND recipient_name LIKE ").append(sql.bind("%" + likePrefix(middle)));
        }
        // The last word's range is the narrow one (there are far fewer people per surname than per first
        // name), and its index holds the whole name for the other conditions.
        return List.of("SELECT id FROM parcel WHERE recipient_last_word LIKE "
                + sql.bind(likePrefix(words.get(words.size() - 1))) + " AND recipient_name LIKE "
                + sql.bind(likePrefix(words.get(0))) + between + filters);
    }

    /** Postcodes are stored as printed ("NW10 5NH"); "nw105nh" finds them too: the inward code is the last three. */
    static String postcodeStart(String text) {
        String typed = text.toUpperCase(Locale.ROOT).strip();
        if (typed.contains(" ")) {
            return typed.replaceAll("\\s+", " ");
        }
        int n = typed.length();
        if (n >= 5 && Character.isLetter(typed.charAt(0)) && Character.isDigit(typed.charAt(n - 3))) {
            return typed.substring(0, n - 3) + " " + typed.substring(n - 3);
        }
        return typed;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        // Words are what spaces separate: "Jean-Paul" and "O'Neil" are one word each, as they are written.
        for (String part : text.split("\\s+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (WORD.matcher(part).matches()) {
                words.add(part);
            } else {
                return List.of();
            }
        }
        return words.stream().filter(w -> !w.isEmpty()).toList();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Positional parameters for a native query that is assembled from parts. */
    private static final class Sql {
        private final List<Object> values = new ArrayList<>();

        String bind(Object value) {
            values.add(value);
            return "?" + values.size();
        }

        String bindAll(List<?> many) {
            if (many.isEmpty()) {
                return "NULL";
            }
            List<String> marks = new ArrayList<>();
            many.forEach(v -> marks.add(bind(v)));
            return String.join(", ", marks);
        }

        Query apply(Query query) {
            for (int i = 0; i < values.size(); i++) {
                query.setParameter(i + 1, values.get(i));
            }
            return query;
        }
    }
}
