// Whether swap is on: /proc/swaps (one line per device) or `free` (totals only).
//   Filename				Type		Size		Used		Priority
//   /swap.img                               file		2097148		0		-2
// and
//                  total        used        free      shared  buff/cache   available
//   Mem:         8147276     1034000     5123456       12345     1989820     6830000
//   Swap:        2097148           0     2097148
// free -h prints sizes with units (2.0Gi); a zero total (`0B`, `0`) means no swap.
import type { ConfigReadResult, Sourced, SwapDevice } from '../../model/config.js';
import { textLines } from './text-lines.js';

export function readProcSwaps(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const devices: Sourced<SwapDevice>[] = [];
  const skips: { line: number; reason: string }[] = [];
  lines.lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === '' || /^Filename\s+Type\s+Size/.test(t)) return;
    const m = /^(\S+)\s+(\S+)\s+(\d+)\s+(\d+)\s+(-?\d+)$/.exec(t);
    if (m === null) return void skips.push({ line: i + 1, reason: 'not a /proc/swaps row' });
    devices.push(lines.sourced({ name: m[1] as string, type: m[2] as string, sizeKiB: Number(m[3]), usedKiB: Number(m[4]) }, i + 1));
  });
  return { fragment: { kind: 'swap', devices }, skips, values: devices.length + 1 };
}

const UNIT: Readonly<Record<string, number>> = { '': 1, B: 1 / 1024, K: 1, Ki: 1, M: 1024, Mi: 1024, G: 1024 ** 2, Gi: 1024 ** 2, T: 1024 ** 3, Ti: 1024 ** 3 };

export function readFree(text: string, path: string): ConfigReadResult {
  const lines = textLines(text, path);
  const idx = lines.lines.findIndex((l) => /^Swap:\s/.test(l));
  if (idx < 0) return { fragment: undefined, skips: [{ line: 1, reason: 'no "Swap:" row' }], values: 0 };
  const m = /^Swap:\s+([\d.,]+)([KMGT]i?|B)?\s/.exec(`${lines.lines[idx] as string} `);
  if (m === null) return { fragment: undefined, skips: [{ line: idx + 1, reason: 'Swap: row without a total' }], values: 0 };
  const kib = Number((m[1] as string).replace(',', '.')) * (UNIT[m[2] ?? ''] ?? 1);
  return { fragment: { kind: 'swap', devices: [], totalKiB: lines.sourced(Math.round(kib), idx + 1) }, skips: [], values: 1 };
}
