-- The back-office console: parcel search by staff, and the review of delivery exceptions.

-- Search: a tracking id is unique already; a shipper's reference, a postcode (its start, e.g. "NW10")
-- and any word of the recipient's name (its start, through InnoDB's full-text index in boolean mode)
-- each get an index of their own, so that each part of a search is an index range, not a scan. The
-- depot is in the B-tree indexes so that a depot's staff are answered from the index alone.
ALTER TABLE parcel
  ADD INDEX ix_parcel_reference (shipper_reference, depot_id),
  ADD INDEX ix_parcel_postcode (postcode, depot_id);
ALTER TABLE parcel ADD FULLTEXT INDEX ft_parcel_recipient (recipient_name);

-- Staff accept or reject what a delivery exception shows, with a comment; who and when is kept here
-- and in the audit trail.
ALTER TABLE pod_exception
  ADD COLUMN resolution  VARCHAR(16),
  ADD COLUMN review_note VARCHAR(400),
  ADD COLUMN reviewed_by VARCHAR(80);
