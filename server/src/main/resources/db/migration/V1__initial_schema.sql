-- Larder's data model (SPEC §1-§8). Names of projects are stored normalized (PEP 503); versions in canonical
-- PEP 440 form, with release_key = packaging's canonicalize_version so that 1.0 and 1.0.0 are one release.

CREATE TABLE users (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(255) NOT NULL,           -- Argon2id, PHC string format
    email         VARCHAR(254),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE indexes (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_id            BIGINT        NOT NULL REFERENCES users (id),
    name                VARCHAR(64)   NOT NULL,
    type                VARCHAR(16)   NOT NULL CHECK (type IN ('stage', 'mirror')),
    volatile_index      BOOLEAN       NOT NULL DEFAULT FALSE,
    acl_upload          VARCHAR(8000) NOT NULL DEFAULT '[]',  -- JSON array of user names or :AUTHENTICATED:
    acl_read            VARCHAR(8000) NOT NULL DEFAULT '[":ANONYMOUS:"]',
    mirror_whitelist    VARCHAR(8000) NOT NULL DEFAULT '[]',  -- JSON array of project names or *
    mirror_url          VARCHAR(2048),
    mirror_cache_expiry BIGINT        NOT NULL DEFAULT 1800 CHECK (mirror_cache_expiry >= 0),
    upstream_min_age    BIGINT        NOT NULL DEFAULT 0 CHECK (upstream_min_age >= 0),
    title               VARCHAR(200)  NOT NULL DEFAULT '',
    description         CLOB          NOT NULL DEFAULT '',
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (owner_id, name),
    CHECK ((type = 'mirror') = (mirror_url IS NOT NULL))
);

-- Bases in order. RESTRICT on base_id: an index others inherit from cannot be deleted (SPEC §3).
CREATE TABLE index_bases (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    index_id BIGINT NOT NULL REFERENCES indexes (id) ON DELETE CASCADE,
    position INT    NOT NULL,
    base_id  BIGINT NOT NULL REFERENCES indexes (id) ON DELETE RESTRICT,
    UNIQUE (index_id, position),
    UNIQUE (index_id, base_id),
    CHECK (index_id <> base_id)
);

-- One row per stored blob. Cached upstream blobs may be evicted (least recently used); uploaded ones never.
CREATE TABLE blobs (
    sha256      CHAR(64)    NOT NULL PRIMARY KEY,
    size        BIGINT      NOT NULL CHECK (size >= 0),
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('uploaded', 'cached')),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_access TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A project exists in a stage index once anything was uploaded for it, and stays even when its files are
-- deleted: it still shadows upstream (SPEC §4.2).
CREATE TABLE projects (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    index_id     BIGINT       NOT NULL REFERENCES indexes (id) ON DELETE CASCADE,
    name         VARCHAR(255) NOT NULL,  -- normalized
    display_name VARCHAR(255) NOT NULL,  -- as last uploaded
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (index_id, name)
);

CREATE TABLE releases (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    project_id               BIGINT       NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    version                  VARCHAR(255) NOT NULL,  -- canonical PEP 440
    release_key              VARCHAR(255) NOT NULL,  -- canonical, trailing .0 removed
    summary                  VARCHAR(2048),
    requires_python          VARCHAR(1024),
    requires_dist            CLOB,                   -- JSON array, in upload order
    metadata_json            CLOB,                   -- the other core metadata fields, JSON object
    description              CLOB,
    description_content_type VARCHAR(255),
    yanked                   BOOLEAN      NOT NULL DEFAULT FALSE,
    yanked_reason            VARCHAR(2048),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (project_id, release_key)
);

CREATE TABLE files (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    release_id             BIGINT       NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    index_id               BIGINT       NOT NULL REFERENCES indexes (id) ON DELETE CASCADE,  -- origin index
    filename               VARCHAR(512) NOT NULL,
    packagetype            VARCHAR(32)  NOT NULL,  -- bdist_wheel, sdist
    python_version         VARCHAR(64)  NOT NULL,
    sha256                 CHAR(64)     NOT NULL REFERENCES blobs (sha256),
    md5                    CHAR(32)     NOT NULL,
    blake2b_256            CHAR(64)     NOT NULL,
    size                   BIGINT       NOT NULL CHECK (size >= 0),
    requires_python        VARCHAR(1024),
    comment_text           VARCHAR(4096),
    core_metadata_sha256   CHAR(64) REFERENCES blobs (sha256),  -- PEP 658 METADATA, itself a blob
    uploader_id            BIGINT REFERENCES users (id) ON DELETE SET NULL,
    upload_time            TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (index_id, filename)
);
CREATE INDEX files_by_sha256 ON files (sha256);

-- Filenames once used in a non-volatile index can never be used again, even after deletion (SPEC §2, §7).
CREATE TABLE retired_filenames (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    index_id   BIGINT       NOT NULL REFERENCES indexes (id) ON DELETE CASCADE,
    filename   VARCHAR(512) NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (index_id, filename)
);

-- API tokens: only a hash of the secret is kept (SPEC §8).
CREATE TABLE tokens (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,   -- public identifier, shown in lists
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_hash  CHAR(64)     NOT NULL UNIQUE,        -- sha256 of the high-entropy secret
    scope        VARCHAR(16)  NOT NULL CHECK (scope IN ('read', 'upload')),
    indexes      VARCHAR(8000),                       -- JSON array of "user/index", or NULL for all
    description  VARCHAR(512) NOT NULL DEFAULT '',
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);

-- Security events, readable by root (SPEC §8). Names, not ids: entries outlive what they name.
CREATE TABLE audit_events (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(64),
    address    VARCHAR(64),
    action     VARCHAR(64)  NOT NULL,
    target     VARCHAR(512),
    detail     CLOB
);
CREATE INDEX audit_events_by_time ON audit_events (at);
