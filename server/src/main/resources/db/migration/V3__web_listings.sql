-- What the web pages browse and search (issue 8): one row per project of a stage index with its latest version and
-- that release's summary, and the words of its name and summary. search/ProjectListings keeps them current from
-- catalog changes, in the same transaction.

CREATE TABLE project_listings (
    project_id     BIGINT        NOT NULL PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    index_id       BIGINT        NOT NULL REFERENCES indexes (id) ON DELETE CASCADE,
    name           VARCHAR(255)  NOT NULL,  -- normalized
    display_name   VARCHAR(255)  NOT NULL,
    latest_version VARCHAR(255),            -- null once every release is deleted
    summary        VARCHAR(2048),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Exact and prefix matches (LIKE 'abc%' uses it) across indexes, and an index's list in name order.
CREATE INDEX project_listings_by_name ON project_listings (name);
CREATE INDEX project_listings_by_index ON project_listings (index_id, name);

CREATE TABLE project_words (
    word       VARCHAR(64) NOT NULL,
    project_id BIGINT      NOT NULL REFERENCES project_listings (project_id) ON DELETE CASCADE,
    PRIMARY KEY (word, project_id)
);
CREATE INDEX project_words_by_project ON project_words (project_id);

-- An index page's "recent uploads" and its RSS feed read the newest files and releases of a few indexes.
CREATE INDEX files_by_index_and_time ON files (index_id, upload_time);
CREATE INDEX releases_by_time ON releases (created_at);
