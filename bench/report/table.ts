/** Plain-text tables and the number formats the bench prints. */

/** Rows of cells laid out in columns: the first column left-aligned, the others right-aligned. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
};

/** `812 ms`, `1.24 s`. */
export const duration = (ms: number | undefined): string =>
  ms === undefined ? "–" : ms >= 999.5 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`;

/** `210 MB`. */
export const megabytes = (mb: number | undefined): string => (mb === undefined ? "–" : `${mb.toFixed(0)} MB`);

/** `4.12 MB`, `38.2 kB`. */
export const bytes = (count: number): string =>
  count >= 1_000_000 ? `${(count / 1_000_000).toFixed(2)} MB` : count >= 1000 ? `${(count / 1000).toFixed(1)} kB` : `${count} B`;

/** `2.3x`, `67x`. */
export const ratio = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? "–" : value >= 10 ? `${value.toFixed(0)}x` : `${value.toFixed(1)}x`;

/** `1,000`. */
export const count = (value: number): string => value.toLocaleString("en-US");

/** The median of `values` (undefined for none). */
export const median = (values: readonly number[]): number | undefined => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
