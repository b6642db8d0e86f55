/**
 * A search as the databases take it (issue 17). What matches: the interaction's search text
 * (search-text.ts) holds q as a substring, ignoring case: SQLite's LIKE (ASCII letters) and PostgreSQL's
 * ILIKE (letters by the database's locale). The text indexes only narrow the rows down; LIKE decides.
 */
export interface SearchQuery {
  q: string;
  /** `%q%` for LIKE / ILIKE with `\` escaping %, _ and \ itself. */
  pattern: string;
  /**
   * SQLite FTS5 MATCH: q as one quoted phrase, which the trigram tokenizer (its positions kept) matches where q
   * is a substring, ignoring case. Null when q is shorter than a trigram: then no index helps.
   */
  phrase: string | null;
}

export function searchQuery(q: string): SearchQuery {
  return {
    q,
    pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    phrase: Array.from(q).length >= 3 ? `"${q.replaceAll('"', '""')}"` : null,
  };
}
