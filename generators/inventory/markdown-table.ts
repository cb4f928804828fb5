/**
 * A GitHub-flavoured Markdown table whose columns are padded to line up, so the page also reads
 * well as plain text. Cells are user text: characters Markdown would read as markup or as a
 * column break are escaped.
 */

/**
 * Markdown punctuation that could start emphasis, code, a link, HTML or a new cell. An `_`
 * inside a word (`x86_64-linux`) cannot, so it is left as written.
 */
const MARKUP = /[\\`*[\]<>|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;

/** Text safe in a table cell or a heading: markup escaped, line breaks as spaces, empty shown as `—`. */
export const markdownText = (text: string): string => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat === "" ? "—" : flat.replace(MARKUP, "\\$&");
};

/** The table's lines: header, separator, one line per row (cells are escaped here). */
export const markdownTable = (headers: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const cells = [headers, ...rows].map((row) => row.map(markdownText));
  const widths = headers.map((_, column) => Math.max(3, ...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) => `| ${widths.map((width, column) => (row[column] ?? "").padEnd(width)).join(" | ")} |`;
  const [head = [], ...body] = cells;
  return [line(head), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...body.map(line)];
};
