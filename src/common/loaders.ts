import DataLoader from 'dataloader';

// Upper bound on keys per batch: keeps IN lists well under SQLite's and MySQL's parameter limits.
export const MAX_BATCH_SIZE = 500;

// One statement for many parents: rows grouped back to their keys, in key order ([] when none).
export function groupedLoader<K extends string | number, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T[]> {
  return new DataLoader<K, T[]>(
    async (keys) => {
      const byKey = new Map<K, T[]>();
      for (const row of await fetch(keys)) {
        const k = keyOf(row);
        const list = byKey.get(k);
        if (list) list.push(row);
        else byKey.set(k, [row]);
      }
      return keys.map((k) => byKey.get(k) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

// One statement for many ids: a row per key, null where missing.
export function byIdLoader<K extends string | number, T>(
  fetch: (keys: readonly K[]) => Promise<T[]>,
  keyOf: (row: T) => K,
): DataLoader<K, T | null> {
  return new DataLoader<K, T | null>(
    async (keys) => {
      const byKey = new Map<K, T>();
      for (const row of await fetch(keys)) byKey.set(keyOf(row), row);
      return keys.map((k) => byKey.get(k) ?? null);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}
