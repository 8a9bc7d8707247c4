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
