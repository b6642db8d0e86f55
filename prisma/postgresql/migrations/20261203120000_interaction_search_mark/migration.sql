
-- PostgreSQL's own (prisma/migrations/20261203120000_interaction_search_mark/postgresql.sql):
-- Nothing on PostgreSQL: this migration moves SQLite's search from a queue to a mark (see migration.sql beside
-- this file). PostgreSQL keeps its queue (InteractionSearchQueue, filled by a trigger, claimed with SKIP LOCKED
-- by every instance), from migration 20261202130000_interaction_search.
