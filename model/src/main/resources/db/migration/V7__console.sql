-- The back-office console: parcel search by staff, and the review of delivery exceptions.

-- Search: a tracking id is unique already; a shipper's reference, a postcode (its start, e.g. "NW10")
-- and the recipient's name each get a B-tree index of their own, so that each part of a search is an
-- index range, not a scan. A name is found by the start of its first word (the name itself) or of its
-- last word (a column the database keeps from the name; its index holds the whole name too, so "ada
-- ford" is answered inside the surname's range). The depot is in the indexes so that a depot's staff
-- are answered from the index alone. (A full-text index, tried first, finds every word but ignores
-- short words and stop words; docs/benchmarks.md compares the two.)
ALTER TABLE parcel
  ADD COLUMN recipient_last_word VARCHAR(120) GENERATED ALWAYS AS (SUBSTRING_INDEX(TRIM(recipient_name), ' ', -1)) STORED,
  ADD INDEX ix_parcel_reference (shipper_reference, depot_id),
  ADD INDEX ix_parcel_postcode (postcode, depot_id),
  ADD INDEX ix_parcel_recipient (recipient_name, depot_id),
  ADD INDEX ix_parcel_recipient_last_word (recipient_last_word, recipient_name, depot_id);

-- Staff accept or reject what a delivery exception shows, with a comment; who and when is kept here
-- and in the audit trail.
ALTER TABLE pod_exception
  ADD COLUMN resolution  VARCHAR(16),
  ADD COLUMN review_note VARCHAR(400),
  ADD COLUMN reviewed_by VARCHAR(80);
