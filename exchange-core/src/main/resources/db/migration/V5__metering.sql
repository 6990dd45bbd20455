-- Issue 8: metering. Portable SQL: runs on H2 (the embedded default) and PostgreSQL (production).

-- Calls counted per agreement and quota window ("minute" or "day", starting at window_start, UTC), in the
-- shared database so every node enforces the same quota. Incremented in place (uses = uses + 1).
CREATE TABLE quota_use (
    agreement_id  VARCHAR(60)              NOT NULL,
    window_kind   VARCHAR(8)               NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    uses          INTEGER                  NOT NULL,
    CONSTRAINT quota_use_key PRIMARY KEY (agreement_id, window_kind, window_start)
);
CREATE INDEX quota_use_window ON quota_use (window_start);
