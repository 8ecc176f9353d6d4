import { MongoServerError } from 'mongodb';

/** A write refused by a unique index: the one signal both databases give atomically. */
export function isDuplicateKey(err: unknown): boolean {
  if (err instanceof MongoServerError && err.code === 11000) return true;
  // FerretDB answers an update or replace that breaks a unique index with code 1 and SQLite's words.
  if (err instanceof MongoServerError && /UNIQUE constraint failed/.test(err.message)) return true;
  const e = err as { code?: number; writeErrors?: { code?: number }[] } | null;
  return !!e && (e.code === 11000 || (Array.isArray(e.writeErrors) && e.writeErrors.some((w) => w.code === 11000)));
}

/** For an ordered insertMany that failed: how many documents landed before the first error. */
export function insertedBefore(err: unknown): number {
  const e = err as { insertedCount?: number; result?: { insertedCount?: number }; writeErrors?: { index: number }[] };
  if (Array.isArray(e.writeErrors) && e.writeErrors.length > 0) return Math.min(...e.writeErrors.map((w) => w.index));
  return e.insertedCount ?? e.result?.insertedCount ?? 0;
}

export const jitter = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 + attempt * 4)));
