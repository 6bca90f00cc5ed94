// A rough estimate of how much a secret could be guessed: its length times the Shannon entropy of its
// characters. It does not prove a secret random, but refuses the obvious (one repeated character, a
// short pattern repeated, few distinct characters). 32 random base64 characters give about 150 bits,
// 32 random hex digits about 120.
export const MIN_SECRET_ENTROPY_BITS = 100;

export function estimatedEntropyBits(secret: string): number {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  let perChar = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    perChar -= p * Math.log2(p);
  }
  return perChar * chars.length;
}
