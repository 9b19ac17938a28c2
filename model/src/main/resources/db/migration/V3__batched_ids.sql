-- High-volume records get their ids in blocks from serial_block instead of AUTO_INCREMENT, so that
-- EclipseLink can send their inserts in JDBC batches (an AUTO_INCREMENT id costs a round trip per row).
-- Each series starts after the ids already used.
INSERT INTO serial_block (series, next_value) SELECT 'scan_event', COALESCE(MAX(id), 0) FROM scan_event;
INSERT INTO serial_block (series, next_value) SELECT 'tracking_entry', COALESCE(MAX(id), 0) FROM tracking_entry;
INSERT INTO serial_block (series, next_value) SELECT 'delivery_proof', COALESCE(MAX(id), 0) FROM delivery_proof;
INSERT INTO serial_block (series, next_value) SELECT 'pod_photo', COALESCE(MAX(id), 0) FROM pod_photo;
INSERT INTO serial_block (series, next_value) SELECT 'failed_attempt', COALESCE(MAX(id), 0) FROM failed_attempt;
INSERT INTO serial_block (series, next_value) SELECT 'pod_exception', COALESCE(MAX(id), 0) FROM pod_exception;
