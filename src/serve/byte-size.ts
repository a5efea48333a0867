// Sizes as people read them, for the server's pages and the upload page's script alike.

/** A byte count: 512 B, 12.3 kB, 6.6 MB, 1.2 GB. */
export function byteSize(n: number): string {
  if (n < 1e3) return `${n} B`;
  const [div, unit] = n < 1e6 ? [1e3, 'kB'] : n < 1e9 ? [1e6, 'MB'] : [1e9, 'GB'];
  return `${(n / div).toFixed(1)} ${unit}`;
}
