// Go's text/tabwriter (flags 0, padchar ' '), which kubectl prints every table through: cells end
// at '\t', a column block is a run of lines that have a cell in that column, and each cell of a
// block is padded to the block's widest cell plus `padding` (at least `minwidth`). Widths count
// runes, as Go does. `kubectl get` uses minwidth 6 (10 before ~1.14), padding 3; describe 0 and 2.
// A port of (*Writer).format, so generated tables line up the way the real ones do. Tests only.

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly padding: number;
}

/** Lines whose cells are separated by '\t', formatted as tabwriter would print them. */
export function tabwrite(lines: readonly string[], opts: TabwriterOptions): string {
  const cells = lines.map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];
  const runes = (s: string): number => Array.from(s).length;

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const row = cells[i] ?? [];
      out.push(row.map((c, j) => (j < widths.length && j < row.length - 1 ? c + ' '.repeat(Math.max(0, (widths[j] ?? 0) - runes(c))) : c)).join(''));
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= (cells[row]?.length ?? 0) - 1) continue;
      writeLines(line0, row);
      line0 = row;
      let width = opts.minwidth;
      for (; row < line1; row++) {
        const line = cells[row] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, runes(line[column] ?? '') + opts.padding);
      }
      widths.push(width);
      format(line0, row);
      widths.pop();
      line0 = row;
      row--; // the outer loop's ++ must not skip the line that ended the block
    }
    writeLines(line0, line1);
  };

  format(0, cells.length);
  return out.join('\n') + '\n';
}
