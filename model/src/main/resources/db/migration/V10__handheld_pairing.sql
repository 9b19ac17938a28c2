-- A handheld is paired by a short-lived one-time code that staff read out or show as a QR code; only its
-- hash is kept, like the token's, and it is cleared once used.
ALTER TABLE handheld_device
  ADD COLUMN pairing_hash       CHAR(64)    NULL,
  ADD COLUMN pairing_expires_at DATETIME(6) NULL,
  ADD CONSTRAINT uq_device_pairing UNIQUE (pairing_hash);
