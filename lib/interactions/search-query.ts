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
   * SQLite FTS5 MATCH over trigrams: rows holding a few of q's trigrams (every one would only cost more
   * doclists to read; LIKE checks the rest). Null when q is shorter than a trigram: then no index helps.
   */
  trigrams: string | null;
}

/** Trigrams of q given to FTS5 at most: its first, its last and others spread between. */
const MAX_TRIGRAMS = 8;

export function searchQuery(q: string): SearchQuery {
  const chars = Array.from(q);
  let trigrams: string | null = null;
  if (chars.length >= 3) {
    const count = chars.length - 2;
    const picks = new Set(Array.from({ length: Math.min(count, MAX_TRIGRAMS) }, (_, i) => (count <= MAX_TRIGRAMS ? i : Math.round((i * (count - 1)) / (MAX_TRIGRAMS - 1)))));
    // Each trigram a quoted FTS5 string (one token of the trigram tokenizer), all required.
    trigrams = [...picks].map((at) => `"${chars.slice(at, at + 3).join("").replaceAll('"', '""')}"`).join(" AND ");
  }
  return { q, pattern: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, trigrams };
}
