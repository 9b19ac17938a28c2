-- A handheld on a weak uplink sends a delivery first and its photos after it, one by one: the proof records how
-- many are to follow, and each photo that follows is stored once under its number.
ALTER TABLE delivery_proof ADD COLUMN photos_to_follow TINYINT NOT NULL DEFAULT 0;
ALTER TABLE pod_photo
  ADD COLUMN follow_index TINYINT NULL,
  ADD CONSTRAINT uq_photo_follow UNIQUE (proof_id, follow_index);
