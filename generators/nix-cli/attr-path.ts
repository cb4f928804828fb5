/**
 * Attribute paths on the nix command line. An installable such as
 * `.#nixosConfigurations.nas.config.services.samba.settings."server min protocol"` is not Nix
 * source: nix reads the part after `#` as a URL fragment (percent-decoded), then splits it on dots
 * with `"…"` grouping and no escapes at all. So this is a different quoting from the Nix printer's
 * and lives here, next to the only code that builds installables.
 */
import { UsageError } from "../command/command-error.ts";

/** How to write an option path, for help texts and errors. */
export const attrPathHelp =
  'names separated by dots, quoting names that contain dots or spaces, e.g. services.samba.settings."server min protocol"';

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

// Characters nix's flake-fragment syntax accepts literally (RFC 3986 pchar plus `/ ? " ^` and
// space); everything else, `%` included, must be percent-encoded.
const FRAGMENT_LITERAL = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?" ^]/u;

/**
 * Split an option path as a user writes it, `services.samba.settings."server min protocol"`, into
 * attribute names. Inside quotes, `\"` and `\\` stand for `"` and `\`, as in Nix.
 */
export function parseOptionPath(text: string): string[] {
  const names: string[] = [];
  let index = 0;
  const fail = (problem: string): never => {
    throw new UsageError(
      `option path ${JSON.stringify(text)}: ${problem} at character ${index + 1}; ` + `write ${attrPathHelp}`,
    );
  };
  while (index <= text.length) {
    let name = "";
    if (text[index] === '"') {
      index += 1;
      while (text[index] !== '"') {
        if (index >= text.length) fail("missing closing quote");
        if (text[index] === "\\" && index + 1 < text.length) index += 1;
        name += text[index];
        index += 1;
      }
      index += 1;
    } else {
      while (index < text.length && text[index] !== "." && text[index] !== '"') name += text[index++];
    }
    if (name === "") fail("empty attribute name");
    names.push(name);
    if (index === text.length) break;
    if (text[index] !== ".") fail(`expected "." after ${JSON.stringify(name)}`);
    index += 1;
  }
  return names;
}

/** One attribute name as nix's installable syntax reads it, quoted only where needed. */
function installableName(name: string): string {
  if (BARE_NAME.test(name)) return name;
  if (name.includes('"')) {
    throw new UsageError(
      `the attribute name ${JSON.stringify(name)} contains a double quote, which nix cannot select ` +
        "from the command line (its attribute paths have no escapes)",
    );
  }
  return `"${name}"`;
}

const percentEncode = (text: string): string =>
  Array.from(text, (char) =>
    FRAGMENT_LITERAL.test(char)
      ? char
      : Array.from(
          new TextEncoder().encode(char),
          (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
        ).join(""),
  ).join("");

/** `<flakeRef>#a.b."c d"`: the installable that selects `names` from the flake's outputs. */
export const installable = (flakeRef: string, names: readonly string[]): string =>
  `${flakeRef}#${percentEncode(names.map(installableName).join("."))}`;
