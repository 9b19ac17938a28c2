-- Live last mile: where each van is, the thinned track of its day, and the ETAs that follow its progress.
-- Positions are the driver's personal data: a scheduled job deletes them after the retention period.

-- The latest fix per route, and where the track last kept a point (the thinning compares with it).
CREATE TABLE van_position (
  route_id        BIGINT      NOT NULL PRIMARY KEY,
  depot_id        BIGINT      NOT NULL,
  latitude        DOUBLE      NOT NULL,
  longitude       DOUBLE      NOT NULL,
  accuracy_m      DOUBLE,
  speed_kmh       DOUBLE,
  fixed_at        DATETIME(6) NOT NULL,
  received_at     DATETIME(6) NOT NULL,
  track_latitude  DOUBLE      NOT NULL,
  track_longitude DOUBLE      NOT NULL,
  tracked_at      DATETIME(6) NOT NULL,
  CONSTRAINT fk_van_position_route FOREIGN KEY (route_id) REFERENCES route (id),
  INDEX ix_van_position_depot (depot_id, fixed_at),
  INDEX ix_van_position_age (fixed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE route_track (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  route_id   BIGINT      NOT NULL,
  fixed_at   DATETIME(6) NOT NULL,
  latitude   DOUBLE      NOT NULL,
  longitude  DOUBLE      NOT NULL,
  accuracy_m DOUBLE,
  speed_kmh  DOUBLE,
  INDEX ix_route_track (route_id, fixed_at),
  INDEX ix_route_track_age (fixed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Per open stop: the live ETA and the window told to the recipient (which only narrows, or moves with a message).
CREATE TABLE stop_forecast (
  stop_id      BIGINT      NOT NULL PRIMARY KEY,
  route_id     BIGINT      NOT NULL,
  tracking_id  CHAR(18)    NOT NULL,
  live_eta     DATETIME(6) NOT NULL,
  told_from    DATETIME(6) NOT NULL,
  told_to      DATETIME(6) NOT NULL,
  stage        VARCHAR(12) NOT NULL,
  stops_before INT         NOT NULL,
  updated_at   DATETIME(6) NOT NULL,
  INDEX ix_stop_forecast_route (route_id),
  INDEX ix_stop_forecast_parcel (tracking_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Per route: what the forecast says about the rest of its day, for the dispatcher's "running late" list.
CREATE TABLE route_forecast (
  route_id          BIGINT      NOT NULL PRIMARY KEY,
  depot_id          BIGINT      NOT NULL,
  route_day         DATE        NOT NULL,
  stops_left        INT         NOT NULL,
  stops_late        INT         NOT NULL,
  worst_late_min    INT         NOT NULL,
  predicted_return  DATETIME(6),
  shift_end         DATETIME(6),
  pace              DOUBLE      NOT NULL,
  updated_at        DATETIME(6) NOT NULL,
  INDEX ix_route_forecast_depot (depot_id, route_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The live messages ("you're next", "running late") a parcel got today, capped per day.
ALTER TABLE parcel
  ADD COLUMN live_messages     INT  NOT NULL DEFAULT 0,
  ADD COLUMN live_messages_day DATE NULL;
