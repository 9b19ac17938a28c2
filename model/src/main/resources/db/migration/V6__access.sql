-- Every caller is someone: staff accounts, partner organisations, rotating shipper keys, expiring
-- handheld tokens, sign-in throttling shared by every instance, and the append-only audit trail.

CREATE TABLE staff_account (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username      VARCHAR(64)  NOT NULL,
  display_name  VARCHAR(120) NOT NULL,
  -- Pbkdf2PasswordHash's encoded form (algorithm:iterations:salt:hash); NULL for accounts that sign in through OIDC only.
  password_hash VARCHAR(400),
  roles         VARCHAR(200) NOT NULL,
  depots        VARCHAR(1000) NOT NULL,
  all_depots    BOOLEAN      NOT NULL,
  origin        VARCHAR(8)   NOT NULL,
  enabled       BOOLEAN      NOT NULL,
  locked_at     DATETIME(6),
  -- Raised to revoke every bearer token and session of the account at once.
  token_epoch   INT          NOT NULL,
  -- For accounts of the identity provider: its issuer and the user's 'sub', which never changes (names may).
  external_subject VARCHAR(400),
  created_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uq_staff_username UNIQUE (username),
  CONSTRAINT uq_staff_external_subject UNIQUE (external_subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE partner (
  id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(16)  NOT NULL,
  name          VARCHAR(120) NOT NULL,
  contact_email VARCHAR(254),
  -- SHA-256 of a 32-byte random client secret: high entropy, so a slow hash adds nothing.
  secret_hash   CHAR(64)     NOT NULL,
  active        BOOLEAN      NOT NULL,
  token_epoch   INT          NOT NULL,
  created_at    DATETIME(6)  NOT NULL,
  CONSTRAINT uq_partner_code UNIQUE (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE shipper_api_key (
  id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  shipper_id BIGINT      NOT NULL,
  key_hash   CHAR(64)    NOT NULL,
  key_hint   VARCHAR(16) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  revoked_at DATETIME(6),
  CONSTRAINT uq_shipper_api_key UNIQUE (key_hash),
  CONSTRAINT fk_api_key_shipper FOREIGN KEY (shipper_id) REFERENCES shipper (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO shipper_api_key (shipper_id, key_hash, key_hint, created_at)
  SELECT id, api_key_hash, 'lm_', created_at FROM shipper;
ALTER TABLE shipper DROP INDEX uq_shipper_key;
ALTER TABLE shipper DROP COLUMN api_key_hash;
ALTER TABLE shipper ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE handheld_device ADD COLUMN expires_at DATETIME(6);
-- Handhelds in use keep working after the upgrade: their 30 days start now at the earliest.
UPDATE handheld_device SET expires_at = DATE_ADD(GREATEST(issued_at, UTC_TIMESTAMP(6)), INTERVAL 30 DAY);
ALTER TABLE handheld_device MODIFY expires_at DATETIME(6) NOT NULL;

-- Failed sign-ins per account ('account:<name>') and per client address ('address:<ip>').
CREATE TABLE sign_in_failure (
  subject       VARCHAR(160) NOT NULL PRIMARY KEY,
  failures      INT          NOT NULL,
  window_start  DATETIME(6)  NOT NULL,
  blocked_until DATETIME(6)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Append-only: the application never updates or deletes a row. Each entry's hash covers its content
-- and the previous entry's hash, so an edited or removed row breaks the chain from there on.
CREATE TABLE audit_entry (
  id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  seq            BIGINT        NOT NULL,
  at             DATETIME(6)   NOT NULL,
  actor_kind     VARCHAR(16)   NOT NULL,
  actor          VARCHAR(120)  NOT NULL,
  roles          VARCHAR(200)  NOT NULL,
  action         VARCHAR(160)  NOT NULL,
  subject_type   VARCHAR(40)   NOT NULL,
  subject_ids    VARCHAR(500)  NOT NULL,
  detail         VARCHAR(1000),
  client_address VARCHAR(64),
  prev_hash      CHAR(64)      NOT NULL,
  hash           CHAR(64)      NOT NULL,
  CONSTRAINT uq_audit_seq UNIQUE (seq),
  INDEX ix_audit_at (at),
  INDEX ix_audit_actor (actor, at),
  INDEX ix_audit_subject (subject_type, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The head of the chain: one row, locked by each append so entries line up one after another.
CREATE TABLE audit_chain (
  id        INT      NOT NULL PRIMARY KEY,
  seq       BIGINT   NOT NULL,
  head_hash CHAR(64) NOT NULL
) ENGINE=InnoDB;
INSERT INTO audit_chain (id, seq, head_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- A parcel offered to a partner by a dispatcher: the partner may accept only what was offered to it.
CREATE TABLE partner_offer (
  id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parcel_id   BIGINT       NOT NULL,
  partner_id  BIGINT       NOT NULL,
  offered_at  DATETIME(6)  NOT NULL,
  offered_by  VARCHAR(120) NOT NULL,
  accepted_at DATETIME(6),
  withdrawn_at DATETIME(6),
  CONSTRAINT fk_offer_parcel FOREIGN KEY (parcel_id) REFERENCES parcel (id),
  CONSTRAINT fk_offer_partner FOREIGN KEY (partner_id) REFERENCES partner (id),
  INDEX ix_offer_partner (partner_id, offered_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
