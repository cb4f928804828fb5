/**
 * Option paths as NixOS writes them: `services.nginx.virtualHosts.<name>.locations.<name>.root`,
 * `boot.kernel.sysctl."net.core.rmem_max"`. `<name>` stands for any attribute-set element and
 * `*` for any list element (the manual's notation, kept in the tree and the index).
 */

/** An option path, one attribute name per segment. */
export type OptionPath = readonly string[];

/** The placeholder segment for attribute-set elements. */
export const ELEMENT = "<name>";
/** The placeholder segment for list elements. */
export const ITEM = "*";

/** nixpkgs' own placeholders vary (`<name>`, `<user>`, `<function body>`); typeflake uses `<name>`. */
export const normalizeSegment = (segment: string): string => (/^<.+>$/.test(segment) ? ELEMENT : segment);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** nixpkgs' `showOption`: `a.b."c d"`, keeping `<name>` and `*` bare. */
export function showOptionPath(path: OptionPath): string {
  return path
    .map((segment) =>
      segment === ITEM || /^<.+>$/.test(segment) || IDENTIFIER.test(segment) ? segment : quoteSegment(segment),
    )
    .join(".");
}

const quoteSegment = (segment: string): string =>
  `"${segment
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/\$\{/g, "\\${")
    .replace(/\n/g, "\\n")}"`;

/** The inverse of `showOptionPath`, for options.json keys that come without `loc`. */
export function splitOptionPath(text: string): string[] {
  // Most names are plain; reading every option index splits thousands of them.
  if (!text.includes('"')) return text.split(".");
  const segments: string[] = [];
  let index = 0;
  while (index <= text.length) {
    if (text[index] === '"') {
      let segment = "";
      for (index++; index < text.length && text[index] !== '"'; index++) {
        let char = text[index];
        if (char === "\\") {
          index++;
          char = text[index] === "n" ? "\n" : text[index];
        }
        segment += char ?? "";
      }
      segments.push(segment);
      index += 2; // closing quote and the dot after it
    } else {
      const dot = text.indexOf(".", index);
      const end = dot === -1 ? text.length : dot;
      segments.push(text.slice(index, end));
      index = end + 1;
    }
  }
  return segments;
}

/** Code-unit order: the same on every machine and in every locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A place inside an option value: option path segments, and list positions as numbers. */
export type ValuePath = readonly (string | number)[];

/** `services.nginx.virtualHosts."example.org".listen[0].port` */
export function showValuePath(path: ValuePath): string {
  let text = "";
  let run: string[] = [];
  const flush = (): void => {
    if (run.length) text += (text ? "." : "") + showOptionPath(run);
    run = [];
  };
  for (const segment of path) {
    if (typeof segment === "number") {
      flush();
      text += `[${segment}]`;
    } else {
      run.push(segment);
    }
  }
  flush();
  return text;
}
