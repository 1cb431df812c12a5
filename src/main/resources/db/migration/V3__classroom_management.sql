-- A class has a time zone for its times, an optional deadline, and can be closed and archived.
ALTER TABLE classroom ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
ALTER TABLE classroom ADD COLUMN deadline TIMESTAMP WITH TIME ZONE;
ALTER TABLE classroom ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE classroom ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

-- Each browser a student uses has its own token (stored hashed): a new one never signs out the others.
CREATE TABLE student_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    student_id  BIGINT NOT NULL REFERENCES student (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX student_token_student ON student_token (student_id);
INSERT INTO student_token (token_hash, student_id, created_at) SELECT token_hash, id, joined_at FROM student;
ALTER TABLE student DROP COLUMN token_hash;

-- Re-entry links a teacher hands out: a value of their own (never a cookie's), single use, expiring.
CREATE TABLE reentry_link (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    student_id  BIGINT NOT NULL REFERENCES student (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX reentry_link_student ON reentry_link (student_id);

-- Rate-limit counters in one-minute windows, shared by every instance on this database.
CREATE TABLE rate_limit (
    bucket       VARCHAR(200) NOT NULL,
    window_start BIGINT NOT NULL,
    hits         BIGINT NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_window ON rate_limit (window_start);

-- A student's page lists their attempts by time; a rejoin looks students up by name.
CREATE INDEX attempt_student_time ON attempt (student_id, created_at);
