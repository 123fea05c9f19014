import type { Db } from '../connection.ts';
import { stmt } from '../statements.ts';

/** Whether the database answers a query at all (the health check). */
export function ping(db: Db): boolean {
  return stmt(db, 'SELECT 1').pluck().get() === 1;
}
