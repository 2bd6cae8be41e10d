import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Distinct statements prepared per connection; beyond it (e.g. long `IN` lists) text is sent as is. */
const MAX_PREPARED_PER_CONNECTION = 500;
/**
 * `cached plan must not change result type` (a migration changed a table a prepared `SELECT *`
 * reads) and `prepared statement does not exist` (the server forgot it): prepare anew.
 */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

type QueryFn = (text: unknown, values?: unknown) => Promise<unknown>;

/**
 * Ends a statement that must be planned for its actual values every time (never prepared): one
 * whose best plan depends on them, like a text search, whose generic plan cannot know whether a
 * word is rare (an index lookup) or common (a walk in time order), and which PostgreSQL would
 * settle on after five executions.
 */
export const CUSTOM_PLAN_MARK = '/* planned per execution */';

/** Statement names by text, shared by every connection (hashing each query was measurable). */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = createHash('sha1').update(text).digest('base64url');
    if (names.size < 5 * MAX_PREPARED_PER_CONNECTION) names.set(text, name);
  }
  return name;
}

/**
 * Makes a pooled connection prepare each parameterised statement once and then only bind and
 * execute it: PostgreSQL skips parsing (and, once it settles on a generic plan, planning) for the
 * hot statements of the send path. Statements without parameters are sent as they are. When the
 * server reports a prepared statement stale, the connection starts a new generation of names, so
 * the next use prepares it again (the failed statement itself reports its error).
 */
export function prepareStatements(client: pg.PoolClient): void {
  const prepared = new Set<string>();
  let generation = 0;
  const query = client.query.bind(client) as QueryFn;
  (client as unknown as { query: QueryFn }).query = (text, values) => {
    if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0) return query(text, values);
    if (text.endsWith(CUSTOM_PLAN_MARK)) return query(text, values);
    const name = `s${generation}_${nameOf(text)}`;
    if (!prepared.has(name)) {
      if (prepared.size >= MAX_PREPARED_PER_CONNECTION) return query(text, values);
      prepared.add(name);
    }
    return query({ name, text, values }).catch((error: unknown) => {
      if (STALE_STATEMENT_CODES.has((error as { code?: string }).code ?? '')) {
        generation++;
        prepared.clear();
      }
      throw error;
    });
  };
}
