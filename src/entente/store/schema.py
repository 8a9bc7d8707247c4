"""Tables. One row per story, actor, mention, event, participant, statement, agreement;
plus the cross-story registry (entities with aliases and dated roles; agreements with history)."""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKeyConstraint, Index, Integer, MetaData,
                        String, Table, Text)

metadata = MetaData()

stories = Table(
    "stories", metadata,
    Column("id", String, primary_key=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("title", Text), Column("published", String(10)), Column("published_source", String),
    Column("source", Text), Column("url", Text),
    Column("text", Text, nullable=False),
    Column("version", String),
    Column("document", Text, nullable=False),  # the full contract JSON
)

actors = Table(
    "actors", metadata,
    Column("story_id", String, primary_key=True), Column("actor_id", String, primary_key=True),
    Column("entity_id", String, index=True),
    Column("name", Text, nullable=False), Column("kind", String), Column("country", String(8)),
    Column("sector", String), Column("role", Text), Column("posted_to", String(8)), Column("code", String),
    ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
)

mentions = Table(
    "mentions", metadata,
    Column("story_id", String, primary_key=True), Column("actor_id", String, primary_key=True),
    Column("start", Integer, primary_key=True), Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["story_id", "actor_id"], ["actors.story_id", "actors.actor_id"], ondelete="CASCADE"),
)

events = Table(
    "events", metadata,
    Column("story_id", String, primary_key=True), Column("event_id", String, primary_key=True),
    Column("type", String, index=True), Column("mode", String), Column("contexts", Text),
    Column("cameo", String), Column("goldstein", Float), Column("quad_class", Integer),
    Column("reciprocal", Boolean),
    Column("date_value", String), Column("date_granularity", String), Column("date_type", String),
    Column("date_start", String(10), index=True), Column("date_end", String(10)),
    Column("date_text", Text), Column("date_reason", Text),
    Column("location_name", Text), Column("location_country", String(8)),
    Column("factuality", String), Column("topics", Text), Column("confidence", Float),
    Column("sentence", Text), Column("start", Integer), Column("end", Integer), Column("trigger", Text),
    # The real-world event this report belongs to (see entente.clustering, store.clusters).
    Column("cluster", String(16), index=True),
    ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
)

participants = Table(
    "event_participants", metadata,
    Column("story_id", String, primary_key=True), Column("event_id", String, primary_key=True),
    Column("actor_id", String, primary_key=True), Column("role", String, primary_key=True),
    Column("country", String(8), index=True),
    ForeignKeyConstraint(["story_id", "event_id"], ["events.story_id", "events.event_id"], ondelete="CASCADE"),
)

statements = Table(
    "statements", metadata,
    Column("story_id", String, primary_key=True), Column("statement_id", String, primary_key=True),
    Column("speaker_id", String), Column("speaker_name", Text), Column("entity_id", String, index=True),
    Column("text", Text), Column("direct", Boolean), Column("cue", String), Column("channel", String),
    Column("start", Integer), Column("end", Integer),
    ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
)

agreements = Table(
    "agreements", metadata,
    Column("story_id", String, primary_key=True), Column("agreement_id", String, primary_key=True),
    Column("registry_id", String, index=True),
    Column("name", Text), Column("topic", String), Column("status", String),
    Column("parties", Text), Column("events", Text), Column("date_value", String),
    ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
)

# -- registry across stories ---------------------------------------------------
entities = Table(
    "entities", metadata,
    Column("id", String, primary_key=True),  # stable: hash of kind + key
    Column("key", Text, nullable=False), Column("name", Text, nullable=False),
    Column("kind", String), Column("country", String(8)), Column("sector", String),
)

entity_aliases = Table(
    "entity_aliases", metadata,
    Column("entity_id", String, primary_key=True), Column("alias", Text, primary_key=True),
    Column("story_id", String, primary_key=True),  # the evidence: where the alias was seen
)

entity_roles = Table(
    "entity_roles", metadata,
    Column("entity_id", String, primary_key=True), Column("title", Text, primary_key=True),
    Column("story_id", String, primary_key=True),
    Column("country", String(8)), Column("sector", String), Column("posted_to", String(8)),
    Column("since", String(10)),
)

registry_agreements = Table(
    "registry_agreements", metadata,
    Column("id", String, primary_key=True), Column("key", Text, nullable=False),
    Column("name", Text, nullable=False), Column("topic", String), Column("parties", Text),
)

agreement_history = Table(
    "agreement_history", metadata,
    Column("agreement_id", String, primary_key=True), Column("story_id", String, primary_key=True),
    Column("status", String), Column("date", String(10)), Column("events", Text),
)

# -- clusters: one real-world event, many reports (entente.clusters) ---------------
cluster_reports = Table(
    "cluster_reports", metadata,
    Column("story_id", String, primary_key=True), Column("event_id", String, primary_key=True),
    Column("key", String(16), nullable=False, unique=True),
    Column("type", String, nullable=False), Column("fact", String, nullable=False),
    Column("lo", String(10), nullable=False), Column("hi", String(10), nullable=False),
    Column("countries", Text, nullable=False),  # "|CHN|USA|": the country set, for blocking
    Column("first_country", String, nullable=False),  # its smallest code, for reports with many countries
    Column("report", Text, nullable=False),  # the Report as JSON
    Column("cluster", String(16), nullable=False, index=True),
    ForeignKeyConstraint(["story_id", "event_id"], ["events.story_id", "events.event_id"], ondelete="CASCADE"),
)

cluster_countries = Table(
    "cluster_countries", metadata,
    Column("story_id", String, primary_key=True), Column("event_id", String, primary_key=True),
    Column("country", String, primary_key=True),
    Column("type", String, nullable=False), Column("fact", String, nullable=False),
    Column("lo", String(10), nullable=False), Column("hi", String(10), nullable=False),
    ForeignKeyConstraint(["story_id", "event_id"], ["events.story_id", "events.event_id"], ondelete="CASCADE"),
)

cluster_report_pairs = Table(  # each pair of a report's countries: supersets of a pair are one range
    "cluster_report_pairs", metadata,
    Column("story_id", String, primary_key=True), Column("event_id", String, primary_key=True),
    Column("a", String, primary_key=True), Column("b", String, primary_key=True),  # a < b
    Column("type", String, nullable=False), Column("fact", String, nullable=False),
    Column("lo", String(10), nullable=False), Column("hi", String(10), nullable=False),
    ForeignKeyConstraint(["story_id", "event_id"], ["events.story_id", "events.event_id"], ondelete="CASCADE"),
)

clusters = Table(
    "clusters", metadata,
    Column("cluster", String(16), primary_key=True),
    Column("type", String, index=True), Column("factuality", String),
    Column("date_value", String), Column("date_granularity", String), Column("date_type", String),
    Column("date_start", String(10), index=True), Column("date_end", String(10)),
    Column("actor_countries", Text), Column("recipient_countries", Text),  # JSON lists
    Column("reciprocal", Boolean),
    Column("first_seen", String(10)), Column("last_seen", String(10)),
    Column("source_count", Integer, index=True),  # stories
    Column("outlet_count", Integer), Column("report_count", Integer),
)

Index("ix_participants_event", participants.c.story_id, participants.c.event_id)

# -- indexes the read side needs (dashboard, API paging at a million events) ----------------
# Country-pair queries start from one side's country and role, then meet the other side.
Index("ix_participants_country_role", participants.c.country, participants.c.role,
      participants.c.story_id, participants.c.event_id)
# The event timeline in both directions, undated last: ORDER BY in store/queries.event_order.
Index("ix_events_timeline", events.c.date_start.is_(None), events.c.date_start, events.c.story_id,
      events.c.start, events.c.event_id)
Index("ix_events_timeline_desc", events.c.date_start.is_(None), events.c.date_start.desc(),
      events.c.story_id.desc(), events.c.start.desc(), events.c.event_id.desc())
# Counts per period read this index in date order (store/queries._date_groups).
Index("ix_events_dates", events.c.date_start, events.c.date_end, events.c.quad_class, events.c.goldstein)
Index("ix_actors_entity_story", actors.c.entity_id, actors.c.story_id)
Index("ix_stories_published", stories.c.published, stories.c.id)
Index("ix_entities_name", entities.c.name, entities.c.id)
Index("ix_statements_story", statements.c.story_id, statements.c.start)


# -- event_pairs: one row per (event, actor country -> recipient country), derived from events and
# participants by triggers, so that a dyad's events and counts come from one index range instead
# of a self-join of participants. The write path never touches it.
event_pairs = Table(
    "event_pairs", metadata,
    Column("a", String(8), primary_key=True), Column("b", String(8), primary_key=True),
    Column("story_id", String, primary_key=True), Column("event_id", String, primary_key=True),
    Column("date_start", String(10)), Column("date_end", String(10)), Column("type", String),
    Column("factuality", String), Column("quad_class", Integer), Column("goldstein", Float),
    # False on the second of A->B and B->A in one event, so that counting rows with `lead` counts
    # each event once per unordered pair, without DISTINCT.
    Column("lead", Boolean, nullable=False),
    Column("start", Integer), Column("topics", Text),  # for paging in event order and topic counts
)
Index("ix_event_pairs_time", event_pairs.c.a, event_pairs.c.b, event_pairs.c.lead, event_pairs.c.date_start,
      event_pairs.c.date_end, event_pairs.c.quad_class, event_pairs.c.goldstein, event_pairs.c.type,
      event_pairs.c.factuality)
Index("ix_event_pairs_event", event_pairs.c.story_id, event_pairs.c.event_id)
# A dyad's events page by page in event order, oldest or newest first (store/queries.dyad_page).
Index("ix_event_pairs_page", event_pairs.c.a, event_pairs.c.b, event_pairs.c.date_start.is_(None),
      event_pairs.c.date_start, event_pairs.c.story_id, event_pairs.c.start, event_pairs.c.event_id, event_pairs.c.lead)
Index("ix_event_pairs_page_desc", event_pairs.c.a, event_pairs.c.b, event_pairs.c.date_start.is_not(None),
      event_pairs.c.date_start, event_pairs.c.story_id, event_pairs.c.start, event_pairs.c.event_id, event_pairs.c.lead)

_PAIR_SELECT = """
    SELECT CASE WHEN {new}.role = 'actor' THEN {new}.country ELSE o.country END,
           CASE WHEN {new}.role = 'actor' THEN o.country ELSE {new}.country END,
           e.story_id, e.event_id, e.date_start, e.date_end, e.type, e.factuality, e.quad_class, e.goldstein,
           e.start, e.topics, NOT EXISTS (SELECT 1 FROM event_pairs r WHERE r.story_id = e.story_id AND r.event_id = e.event_id
                       AND r.a = CASE WHEN {new}.role = 'actor' THEN o.country ELSE {new}.country END
                       AND r.b = CASE WHEN {new}.role = 'actor' THEN {new}.country ELSE o.country END)
    FROM event_participants o JOIN events e ON e.story_id = o.story_id AND e.event_id = o.event_id
    WHERE o.story_id = {new}.story_id AND o.event_id = {new}.event_id AND o.role <> {new}.role
      AND o.country IS NOT NULL AND o.country <> {new}.country"""
_PAIR_COLUMNS = ("(a, b, story_id, event_id, date_start, date_end, type, factuality, quad_class, goldstein, start, "
                 "topics, lead)")
_SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS event_pairs_add AFTER INSERT ON event_participants
        WHEN NEW.country IS NOT NULL BEGIN
        INSERT OR IGNORE INTO event_pairs {_PAIR_COLUMNS} {_PAIR_SELECT.format(new="NEW")}; END""",
    """CREATE TRIGGER IF NOT EXISTS event_pairs_drop AFTER DELETE ON events BEGIN
        DELETE FROM event_pairs WHERE story_id = OLD.story_id AND event_id = OLD.event_id; END""")
_POSTGRES_TRIGGERS = (
    f"""CREATE OR REPLACE FUNCTION entente_event_pairs_add() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.country IS NOT NULL THEN
            INSERT INTO event_pairs {_PAIR_COLUMNS} {_PAIR_SELECT.format(new="NEW")} ON CONFLICT DO NOTHING;
          END IF;
          RETURN NULL;
        END $$""",
    """CREATE OR REPLACE FUNCTION entente_event_pairs_drop() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          DELETE FROM event_pairs WHERE story_id = OLD.story_id AND event_id = OLD.event_id;
          RETURN NULL;
        END $$""",
    """CREATE OR REPLACE TRIGGER event_pairs_add AFTER INSERT ON event_participants
        FOR EACH ROW EXECUTE FUNCTION entente_event_pairs_add()""",
    """CREATE OR REPLACE TRIGGER event_pairs_drop AFTER DELETE ON events
        FOR EACH ROW EXECUTE FUNCTION entente_event_pairs_drop()""")
_BACKFILL = f"""INSERT INTO event_pairs {_PAIR_COLUMNS}
    SELECT DISTINCT pa.country, pr.country, e.story_id, e.event_id, e.date_start, e.date_end, e.type,
           e.factuality, e.quad_class, e.goldstein, e.start, e.topics,
           pa.country < pr.country OR NOT EXISTS (
               SELECT 1 FROM event_participants x JOIN event_participants y
                 ON y.story_id = x.story_id AND y.event_id = x.event_id
               WHERE x.story_id = e.story_id AND x.event_id = e.event_id AND x.role = 'actor'
                 AND x.country = pr.country AND y.role = 'recipient' AND y.country = pa.country)
    FROM event_participants pa
    JOIN event_participants pr ON pr.story_id = pa.story_id AND pr.event_id = pa.event_id
    JOIN events e ON e.story_id = pa.story_id AND e.event_id = pa.event_id
    WHERE pa.role = 'actor' AND pr.role = 'recipient' AND pa.country IS NOT NULL
      AND pr.country IS NOT NULL AND pa.country <> pr.country"""


TRIGGERS = ("event_pairs_add", "event_pairs_drop")


def read_side_ready(conn) -> bool:
    """Has the database the event_pairs triggers and rows (made by this version, or brought up to
    date)?"""
    from sqlalchemy import text

    if conn.dialect.name == "postgresql":
        q = "SELECT count(*) FROM pg_trigger WHERE tgname IN ('event_pairs_add', 'event_pairs_drop')"
    else:
        q = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('event_pairs_add', 'event_pairs_drop')"
    if conn.execute(text(q)).scalar_one() < len(TRIGGERS):
        return False
    empty = conn.execute(text("SELECT 1 FROM event_pairs LIMIT 1")).first() is None
    return not (empty and conn.execute(text("SELECT 1 FROM event_participants LIMIT 1")).first() is not None)


def ensure_read_side(conn) -> None:
    """Add what the read side needs to a database made before it existed (create_all skips
    existing tables): indexes, and event_pairs with its triggers, filled once from the events.
    Runs inside the writer's transaction (it holds the database's writer lock)."""
    from sqlalchemy import text
    from sqlalchemy.schema import CreateIndex

    for table in metadata.sorted_tables:
        for index in table.indexes:
            conn.execute(CreateIndex(index, if_not_exists=True))
    triggers = _POSTGRES_TRIGGERS if conn.dialect.name == "postgresql" else _SQLITE_TRIGGERS
    for ddl in triggers:
        conn.execute(text(ddl))
    empty = conn.execute(text("SELECT 1 FROM event_pairs LIMIT 1")).first() is None
    if empty and conn.execute(text("SELECT 1 FROM event_participants LIMIT 1")).first() is not None:
        conn.execute(text(_BACKFILL))


# The countries of a cluster's reports, and their pairs, with its date: clusters of a country or
# a dyad are an index range already in date order.
cluster_participants = Table(
    "cluster_participants", metadata,
    Column("cluster", String(16), primary_key=True), Column("country", String, primary_key=True),
    Column("date_start", String(10)),
)

cluster_pairs = Table(
    "cluster_pairs", metadata,
    Column("cluster", String(16), primary_key=True),
    Column("a", String, primary_key=True), Column("b", String, primary_key=True),  # a < b
    Column("date_start", String(10)),
)

cluster_meta = Table(  # "rules": the version of the clustering the cluster tables were built with
    "cluster_meta", metadata,
    Column("key", String, primary_key=True), Column("value", Text),
)

# Candidate lookups: the date window is a range on lo, filtered by hi inside the index.
Index("ix_cluster_reports_set", cluster_reports.c.type, cluster_reports.c.fact, cluster_reports.c.countries,
      cluster_reports.c.lo, cluster_reports.c.hi)
Index("ix_cluster_reports_first", cluster_reports.c.type, cluster_reports.c.fact, cluster_reports.c.first_country,
      cluster_reports.c.lo, cluster_reports.c.hi)
Index("ix_cluster_participants_country", cluster_participants.c.country, cluster_participants.c.date_start,
      cluster_participants.c.cluster)
Index("ix_cluster_pairs_dyad", cluster_pairs.c.a, cluster_pairs.c.b, cluster_pairs.c.date_start, cluster_pairs.c.cluster)
Index("ix_clusters_type_date", clusters.c.type, clusters.c.date_start)
Index("ix_cluster_report_pairs_block", cluster_report_pairs.c.a, cluster_report_pairs.c.b, cluster_report_pairs.c.type,
      cluster_report_pairs.c.fact, cluster_report_pairs.c.lo, cluster_report_pairs.c.hi)
Index("ix_cluster_countries_block", cluster_countries.c.country, cluster_countries.c.type, cluster_countries.c.fact,
      cluster_countries.c.lo, cluster_countries.c.hi)

# -- the write path at scale (benchmarks/store_scale.py) ---------------------------------
# registry._refresh counts an entity's actors by name, kind, country and sector on every
# actor stored: covered by one index, it never reads the rows themselves.
Index("ix_actors_entity_profile", actors.c.entity_id, actors.c.name, actors.c.kind, actors.c.country,
      actors.c.sector)
# An events page filtered by type (with or without a country) in timeline order: the
# rows of one type already sorted as the page wants them, so a page reads a page's worth
# instead of sorting every event of that type (1,000,000 events: 420 ms -> 29 ms).
Index("ix_events_type_timeline", events.c.type, events.c.date_start.is_(None), events.c.date_start,
      events.c.story_id, events.c.start, events.c.event_id)
