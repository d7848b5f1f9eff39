-- The results of the units a run spread over workers (dnnc run --broker), as the workers sent them, keyed by unit id:
-- a unit computed twice (its first worker died after replying) is recorded once, and `dnnc runs resume` starts
-- from what an interrupted run had collected. Binary and internal: not among the tables `dnnc query` reads.
CREATE TABLE unit_results (
    run_id      VARCHAR(64)   NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    unit_id     VARCHAR(1024) NOT NULL,
    result      BYTEA         NOT NULL,
    worker      VARCHAR(255),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, unit_id)
);
