-- View data of the home-page and user-credentials aggregators (table and column names as in
-- the original system; positions are bigint because global positions are).

CREATE TABLE pages (
  page_name varchar PRIMARY KEY,
  page_data jsonb NOT NULL DEFAULT '{}'
);

-- The home page reads this row before any video was viewed.
INSERT INTO pages (page_name, page_data)
VALUES ('home', '{"videosWatched": 0, "lastViewProcessed": 0}');

CREATE TABLE user_credentials (
  id varchar PRIMARY KEY,
  email varchar NOT NULL UNIQUE,
  password_hash varchar NOT NULL
);
