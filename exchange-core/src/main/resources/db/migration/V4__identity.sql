-- Issue 3: identity. Portable SQL: runs on H2 (the embedded default) and PostgreSQL (production).

-- Failed authentication attempts, counted per key ("client:<id>" or "address:<ip>") in a fixed window,
-- in the shared database so every node applies the same limit.
CREATE TABLE auth_failure (
    attempt_key   VARCHAR(200)             NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    failures      INTEGER                  NOT NULL
);
CREATE INDEX auth_failure_window ON auth_failure (window_start);

-- Request ids seen per client inside the replay window; the unique key makes a repeat fail on any node.
CREATE TABLE seen_request (
    client_id   VARCHAR(60)              NOT NULL,
    request_id  VARCHAR(36)              NOT NULL,
    seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT seen_request_key PRIMARY KEY (client_id, request_id)
);
CREATE INDEX seen_request_time ON seen_request (seen_at);

-- GDX-face tokens: only the SHA-256 is stored; last_used_at slides, so a token idles out after no use.
CREATE TABLE gdx_token (
    token_hash    VARCHAR(64)              NOT NULL PRIMARY KEY,
    client_id     VARCHAR(60)              NOT NULL,
    agent_id      VARCHAR(64)              NOT NULL,
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX gdx_token_client ON gdx_token (client_id);
CREATE INDEX access_token_client ON access_token (client_id);
