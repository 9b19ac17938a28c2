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
 * a shipper's reference, a postcode or the recipient's name, each by its start. Every alternative is an
 * index range of its own (tracking id, reference and postcode B-tree indexes, the name's full-text
 * index), and the alternatives are joined with UNION, so the search stays an index lookup on a
 * million parcels; an OR across them would make the database read the whole table.
 */
@ApplicationScoped
public class ParcelSearch {

    /** Counting a vague search stops here: "more than 10,000" is all a person needs to know. */
    public static final int COUNT_LIMIT = 10_000;

    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern POSTCODE_START = Pattern.compile("(?i)[a-z]{1,2}\\d[a-z\\d]?( ?\\d?[a-z]{0,2})?");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'-]*");
    /** InnoDB's full-text index ignores shorter words (innodb_ft_min_token_size). */
    private static final int SHORTEST_INDEXED_WORD = 3;

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
        Sql sql = new Sql();
        String from = matches(criteria.text() == null ? "" : criteria.text().strip(), sql);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (criteria.depot() != null && !criteria.depot().isBlank()) {
            if (!caller.sees(criteria.depot())) {
                return new Result(0, false, List.of());
            }
            where.append(" AND d.code = ").append(sql.bind(criteria.depot()));
        } else if (!caller.allDepots()) {
            // Parcels not yet at a depot (address to check) are seen by every depot's staff.
            where.append(" AND (p.depot_id IS NULL OR d.code IN (").append(sql.bindAll(List.copyOf(caller.depots())))
                    .append("))");
        }
        if (criteria.status() != null) {
            where.append(" AND p.status = ").append(sql.bind(criteria.status().name()));
        }
        if (criteria.deliveryDate() != null) {
            where.append(" AND p.delivery_date = ").append(sql.bind(Date.valueOf(criteria.deliveryDate())));
        }
        String body = from + " LEFT JOIN depot d ON d.id = p.depot_id" + where;
        Query count = sql.apply(em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + body + " LIMIT "
                + (COUNT_LIMIT + 1) + ") counted"));
        long total = ((Number) count.getSingleResult()).longValue();
        Query page = sql.apply(em.createNativeQuery("SELECT p.tracking_id, p.shipper_reference, p.recipient_name,"
                + " p.postcode, p.town, p.status, p.delivery_date, d.code FROM " + body + " ORDER BY p.id DESC"))
                .setFirstResult(criteria.page() * criteria.size()).setMaxResults(criteria.size());
        List<Hit> hits = new ArrayList<>();
        for (Object row : page.getResultList()) {
            Object[] c = (Object[]) row;
            hits.add(new Hit((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                    c[6] == null ? null : ((Date) c[6]).toLocalDate(), (String) c[7]));
        }
        return new Result(Math.min(total, COUNT_LIMIT), total > COUNT_LIMIT, hits);
    }

    /** The FROM clause: all parcels, or the union of the index ranges the text can stand for. */
    private static String matches(String text, Sql sql) {
        if (text.isEmpty()) {
            return "parcel p";
        }
        if (text.length() > 64) {
            throw new InvalidRequest("q", "search for at most 64 characters");
        }
        List<String> ranges = new ArrayList<>();
        String compact = text.replace(" ", "");
        if (DIGITS.matcher(compact).matches()) {
            ranges.add("SELECT id FROM parcel WHERE tracking_id LIKE " + sql.bind(likePrefix(compact)));
        }
        ranges.add("SELECT id FROM parcel WHERE shipper_reference LIKE " + sql.bind(likePrefix(text)));
        if (POSTCODE_START.matcher(text).matches() || DIGITS.matcher(text).matches() && text.length() <= 5) {
            ranges.add("SELECT id FROM parcel WHERE postcode LIKE " + sql.bind(likePrefix(postcodeStart(text))));
        }
        List<String> words = words(text);
        if (!words.isEmpty()) {
            if (words.stream().allMatch(w -> w.length() >= SHORTEST_INDEXED_WORD)) {
                StringBuilder terms = new StringBuilder();
                words.forEach(w -> terms.append('+').append(w).append("* "));
                ranges.add("SELECT id FROM parcel WHERE MATCH(recipient_name) AGAINST (" + sql.bind(terms.toString().strip())
                        + " IN BOOLEAN MODE)");
            } else {
                ranges.add("SELECT id FROM parcel WHERE recipient_name LIKE " + sql.bind(likePrefix(text)));
            }
        }
        return "(" + String.join(" UNION ", ranges) + ") m JOIN parcel p ON p.id = m.id";
    }

    /** Postcodes are stored as printed ("NW10 5NH"); "nw105nh" finds them too: the inward code is the last three. */
    private static String postcodeStart(String text) {
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

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String part : text.split("\\s+")) {
            if (WORD.matcher(part).matches()) {
                // Boolean-mode operators inside a word would change the query's meaning.
                words.add(part.replace("'", "").replace("-", ""));
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

        String bindAll(List<String> many) {
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
