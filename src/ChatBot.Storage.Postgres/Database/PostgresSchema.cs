namespace ChatBot.Storage.Postgres.Database;

/// <summary>
/// The schema as ordered steps; <c>schema_version</c> records each one applied. A step is never edited once
/// released: a change is a new step. Times are .NET UTC ticks (<c>*_ticks</c>, 100 ns since 0001-01-01) so a
/// round trip is exact, as the LiteDB store's is: a timestamp column keeps microseconds, and a re-imported paper
/// would look changed. (Readable in SQL as <c>to_timestamp((t - 621355968000000000) / 1e7)</c>.)
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock migrations hold (any constant the bot alone uses: "ChatBot" in ASCII).</summary>
    public const long MigrationLockKey = 0x436861_74426F74;

    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version integer PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())
        """;

    public static readonly IReadOnlyList<SchemaStep> Steps =
    [
        new(1, "state, counters, papers with upvote history, daily threads, schedules, alerts and alert settings", """
            CREATE TABLE state (
                key text PRIMARY KEY,
                value text NOT NULL);

            -- Sequence, revision and alert ids: read and advanced under the row's lock, so writers take turns and
            -- numbers become visible in the order they were given (a reader past revision N never misses an N-1
            -- committed later).
            CREATE TABLE counters (
                name text PRIMARY KEY,
                value bigint NOT NULL);
            INSERT INTO counters (name, value) VALUES ('paper-sequence', 0), ('paper-revision', 0), ('alert-id', 0);

            CREATE TABLE papers (
                id text PRIMARY KEY,
                arxiv_id text,
                title_key text NOT NULL,
                title text NOT NULL,
                abstract text NOT NULL,
                authors text[] NOT NULL,
                author_count integer,
                published_ticks bigint,
                listed_ticks bigint,
                upvotes integer,
                comments integer,
                link_arxiv text,
                link_hugging_face text,
                link_code text,
                link_project text,
                keywords text[] NOT NULL,
                summary text,
                github_stars integer,
                withdrawn boolean NOT NULL,
                sources text[] NOT NULL,
                first_seen_ticks bigint NOT NULL,
                last_updated_ticks bigint NOT NULL,
                sequence bigint NOT NULL UNIQUE,
                revision bigint NOT NULL UNIQUE,
                fresh_ticks bigint NOT NULL,
                -- The upvote snapshots, oldest first, as two arrays of one length (at most PaperMerger.MaxUpvoteSnapshots).
                upvote_ticks bigint[] NOT NULL,
                upvote_counts integer[] NOT NULL,
                CHECK (cardinality(upvote_ticks) = cardinality(upvote_counts)));
            CREATE INDEX papers_title_key ON papers (title_key);
            CREATE INDEX papers_fresh ON papers (fresh_ticks);

            CREATE TABLE daily_posts (
                schedule_id text NOT NULL,
                local_date date NOT NULL,
                state text NOT NULL,
                papers text[] NOT NULL,
                thread_channel text,
                thread_parent text,
                thread_id text,
                replies_sent integer NOT NULL,
                failures integer NOT NULL,
                last_error text,
                retry_at_ticks bigint,
                note text,
                PRIMARY KEY (schedule_id, local_date));

            CREATE TABLE daily_schedules (
                id text PRIMARY KEY,
                platform text NOT NULL,
                channel_id text NOT NULL,
                local_time time NOT NULL,
                time_zone text NOT NULL,
                top integer NOT NULL,
                filter text,
                weekdays integer[] NOT NULL,
                paused_reason text);

            CREATE TABLE alerts (
                id text PRIMARY KEY,
                platform text NOT NULL,
                user_id text NOT NULL,
                query text NOT NULL,
                created_ticks bigint NOT NULL,
                paused_reason text,
                matches integer NOT NULL);
            CREATE INDEX alerts_owner ON alerts (platform, user_id);

            CREATE TABLE alert_settings (
                platform text NOT NULL,
                user_id text NOT NULL,
                digest text NOT NULL,
                digest_sent_on date,
                PRIMARY KEY (platform, user_id));
            """),
        new(2, "the alerts' delivery log", """
            -- One row per (user, paper) the alerts chose, with the paper's ingest sequence; a user's papers are settled
            -- (sent, abandoned, dropped) in sequence order.
            CREATE TABLE deliveries (
                platform text NOT NULL,
                user_id text NOT NULL,
                paper_id text NOT NULL,
                sequence bigint NOT NULL,
                alert_ids text[] NOT NULL,
                state text NOT NULL,
                attempts integer NOT NULL,
                retry_at_ticks bigint,
                last_error text,
                PRIMARY KEY (platform, user_id, paper_id));
            -- Pending deliveries are few beside the settled ones, which stay for good (so nothing is sent twice).
            CREATE INDEX deliveries_pending ON deliveries (platform, user_id, sequence) WHERE state = 'Pending';

            -- While a user's papers wait for a retry, the attempts, retry time and error are the user's.
            CREATE TABLE delivery_attempts (
                platform text NOT NULL,
                user_id text NOT NULL,
                attempts integer NOT NULL,
                retry_at_ticks bigint,
                last_error text,
                PRIMARY KEY (platform, user_id));

            INSERT INTO counters (name, value) VALUES ('deliveries-recorded-through', 0);
            """),
        new(3, "alerts by example: the paper a like: alert follows", """
            -- Null for a query alert; for a like: alert, the id of the paper new papers are compared with by meaning.
            ALTER TABLE alerts ADD COLUMN like_paper_id text;
            """),
        new(4, "several processes: the leader lease and delivery claims", """
            -- One row per lease (the scheduled work's leader). The expiry is on the database's clock, the one every
            -- process shares; term counts the hand-overs.
            CREATE TABLE leases (
                name text PRIMARY KEY,
                holder text NOT NULL,
                term bigint NOT NULL,
                expires_at timestamptz NOT NULL);

            -- An interaction or envelope delivered to several processes is handled by the one whose insert lands
            -- first. Rows are only needed while a platform may redeliver: older ones are pruned. (Server time: these
            -- are housekeeping, not data a paper or a post carries.)
            CREATE TABLE claims (
                platform text NOT NULL,
                key text NOT NULL,
                claimed_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (platform, key));
            CREATE INDEX claims_claimed_at ON claims (claimed_at);
            """),
        new(5, "Discord identify pacing per rate-limit bucket", """
            -- When a shard of any process last identified in each bucket (shard_id % max_concurrency), on the
            -- database's clock; the row is locked while a process takes its turn, so the processes sharing the bot's
            -- token start at most one session per bucket per interval between them.
            CREATE TABLE discord_identify_buckets (
                bucket integer PRIMARY KEY,
                identified_at timestamptz NOT NULL);
            """),
    ];

    public static int Latest => Steps[^1].Version;
}
