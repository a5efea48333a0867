/**
 * An archive entry's name as a safe bundle-relative POSIX path, or undefined when it would
 * escape the bundle (`../x`, `/etc/passwd`, `C:\x`). We never write entries to disk, but the
 * path is printed and used for host inference, so it must stay inside.
 */
export function safeEntryPath(name: string): string | undefined {
  const unified = name.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified)) return undefined;
  const out: string[] = [];
  for (const seg of unified.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') return undefined;
    if (seg.includes('\u0000')) return undefined;
    out.push(seg);
  }
  return out.length === 0 ? undefined : out.join('/');
}
