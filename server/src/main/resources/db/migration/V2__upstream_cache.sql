-- The cache of mirror indexes (SPEC §6): upstream project pages as last fetched, and the files they list, so that
-- a restart keeps the cache and a mirror keeps answering while upstream is down.

CREATE TABLE upstream_pages (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    index_id      BIGINT       NOT NULL REFERENCES indexes (id) ON DELETE CASCADE,
    project       VARCHAR(255) NOT NULL,  -- normalized
    found         BOOLEAN      NOT NULL,  -- false: upstream answered 404, remembered briefly
    etag          VARCHAR(1024),
    last_modified VARCHAR(128),
    serial        BIGINT,                 -- X-PyPI-Last-Serial; a page with a lower one is stale and ignored
    fetched_at    TIMESTAMP WITH TIME ZONE NOT NULL,  -- when the content was last taken from upstream
    checked_at    TIMESTAMP WITH TIME ZONE NOT NULL,  -- when upstream last confirmed it; fresh from here
    page          CLOB,                   -- JSON, Larder's own shape (upstream/PageJson)
    UNIQUE (index_id, project)
);

-- One row per file a cached page lists: how /{user}/{index}/+f/{key}/{filename} finds its upstream URL.
CREATE TABLE upstream_files (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    page_id         BIGINT        NOT NULL REFERENCES upstream_pages (id) ON DELETE CASCADE,
    index_id        BIGINT        NOT NULL,
    file_key        CHAR(64)      NOT NULL,  -- upstream's sha256, or the sha256 of the URL when it gave none
    filename        VARCHAR(512)  NOT NULL,
    url             VARCHAR(4096) NOT NULL,
    sha256          CHAR(64),                -- the bytes' sha256: upstream's, or computed when first downloaded
    size            BIGINT,
    has_metadata    BOOLEAN       NOT NULL,
    metadata_sha256 CHAR(64),
    UNIQUE (index_id, file_key, filename)
);
CREATE INDEX upstream_files_by_page ON upstream_files (page_id);
