-- The record store on PostgreSQL: the tables of the H2 store (h2/V1__records.sql) in PostgreSQL's types (TEXT for
-- CLOB, BYTEA for BLOB). Every table is keyed by the run it belongs to; rows written by a step carry its ordinal.

CREATE TABLE runs (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    workflow_path      VARCHAR(4096) NOT NULL,
    workflow_sha256    CHAR(64)      NOT NULL,
    workflow_text      TEXT          NOT NULL,
    parameters         JSON          NOT NULL,
    seed               BIGINT        NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at           TIMESTAMP WITH TIME ZONE,
    status             VARCHAR(16)   NOT NULL,
    error              TEXT,
    pid                BIGINT        NOT NULL,
    process_started_at TIMESTAMP WITH TIME ZONE,
    host               VARCHAR(255)  NOT NULL,
    output_dir         VARCHAR(4096) NOT NULL,
    dnnc_version       VARCHAR(64)   NOT NULL,
    CONSTRAINT runs_status_valid CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted'))
);
CREATE INDEX runs_by_status ON runs (status);
CREATE INDEX runs_by_start ON runs (started_at);

CREATE TABLE steps (
    run_id      VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    ordinal     INT          NOT NULL,
    step_id     VARCHAR(255) NOT NULL,
    plugin_kind VARCHAR(64),
    plugin_name VARCHAR(255),
    parameters  JSON         NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE,
    status      VARCHAR(16)  NOT NULL,
    error       TEXT,
    PRIMARY KEY (run_id, ordinal),
    CONSTRAINT steps_status_valid CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted'))
);

-- One row per dotted path; value_number repeats finite numeric values so SQL can filter and sort on them.
CREATE TABLE results (
    run_id       VARCHAR(64)   NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    path         VARCHAR(1024) NOT NULL,
    step_ordinal INT,
    value_json   JSON          NOT NULL,
    value_number DOUBLE PRECISION,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, path)
);
CREATE INDEX results_by_path ON results (path);

CREATE TABLE result_tables (
    run_id       VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,
    step_ordinal INT,
    column_names JSON         NOT NULL,
    row_count    INT          NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, name)
);

-- Each row is a JSON object keyed by column name, so (row_json)."column" reads one cell.
CREATE TABLE result_table_rows (
    run_id     VARCHAR(64)  NOT NULL,
    table_name VARCHAR(255) NOT NULL,
    row_index  INT          NOT NULL,
    row_json   JSON         NOT NULL,
    PRIMARY KEY (run_id, table_name, row_index),
    FOREIGN KEY (run_id, table_name) REFERENCES result_tables (run_id, name) ON DELETE CASCADE
);

-- data: element_count float64 values, little-endian, row-major in the order of shape.
CREATE TABLE arrays (
    run_id        VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name          VARCHAR(255) NOT NULL,
    step_ordinal  INT,
    shape         JSON         NOT NULL,
    element_count BIGINT       NOT NULL,
    data          BYTEA         NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, name)
);

CREATE TABLE artifacts (
    run_id       VARCHAR(64)   NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    path         VARCHAR(4096) NOT NULL,
    step_ordinal INT,
    sha256       CHAR(64)      NOT NULL,
    size_bytes   BIGINT        NOT NULL,
    description  VARCHAR(4096),
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, path)
);

CREATE TABLE provenance (
    run_id     VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name       VARCHAR(255) NOT NULL,
    value_text VARCHAR(4096),
    PRIMARY KEY (run_id, name)
);

CREATE TABLE input_hashes (
    run_id       VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    name         VARCHAR(1024) NOT NULL,
    step_ordinal INT,
    sha256       CHAR(64)     NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, name)
);

CREATE TABLE warnings (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       VARCHAR(64) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step_ordinal INT,
    message      TEXT        NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX warnings_by_run ON warnings (run_id);

-- `dnnc query` connects as the role ${reader}, which dnnc creates before migrating (a role belongs to the whole
-- server, so its name carries the database's); it may read the record tables and nothing else.
GRANT SELECT ON runs, steps, results, result_tables, result_table_rows, arrays, artifacts, provenance,
    input_hashes, warnings TO ${reader};

-- The reader's password, drawn at random by the first dnnc to open the database; only the owner can read it
-- (no grant), and every dnnc that opens the store logs the reader in with it.
CREATE TABLE reader_login (
    role_name VARCHAR(63) NOT NULL PRIMARY KEY,
    password  VARCHAR(64) NOT NULL
);
