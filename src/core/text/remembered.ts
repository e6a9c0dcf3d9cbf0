/**
 * `compute`, remembering its result per key: batches and practice sessions bring the same questions,
 * postings and names again and again. Past `limit` keys it forgets them all, so a long batch of different
 * ones stays flat in memory.
 */
export function remembered<K, V>(limit: number, compute: (key: K) => V): (key: K) => V {
  const values = new Map<K, V>();
  return (key) => {
    if (values.has(key)) return values.get(key)!;
    if (values.size > limit) values.clear();
    const value = compute(key);
    values.set(key, value);
    return value;
  };
}
