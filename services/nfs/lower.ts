/**
 * NFS server → `services.nfs.server`: the exports(5) text, one line per export,
 * `/tank/media 10.0.20.0/24(rw,sync,no_subtree_check)`; TCP 2049.
 */
import type { NfsConfig, NfsExport } from "./schema.ts";
import { child } from "../../generators/diagnostics/diagnostic.ts";
import { hostAddress, type FleetIndex } from "../../generators/model/fleet-index.ts";
import type { Lowering } from "../../generators/lower/contribution.ts";
import { portClaims } from "../../generators/lower/emit.ts";

/**
 * exports(5) splits on white space and treats `#` as a comment, so a path with such characters
 * (or a backslash) is written with octal escapes, as `exportfs` reads them: a space is `\040`.
 * Matched per code point (`u`), so a character outside the BMP (an emoji) is escaped as its four
 * UTF-8 bytes, not as two halves that each become U+FFFD.
 */
export const exportsPath = (path: string): string =>
  path.replace(/[^A-Za-z0-9._+\-/@:=~%,]/gu, (character) =>
    [...Buffer.from(character, "utf8")].map((byte) => `\\${byte.toString(8).padStart(3, "0")}`).join(""),
  );

/** The exports(5) name of a client: host references become the host's address. */
const clientName = (index: FleetIndex, client: NfsExport["clients"][number]): string =>
  typeof client.host === "string" ? client.host : hostAddress(index, client.host.host);

/** One exports line: `/tank/media 10.0.20.0/24(rw,sync,no_subtree_check)`. */
const exportLine = (index: FleetIndex, entry: NfsExport): string =>
  `${exportsPath(entry.path)} ${entry.clients.map((client) => `${clientName(index, client)}(${client.options.join(",")})`).join(" ")}\n`;

/**
 * NFS server: enable and the exports text; TCP 2049 (NFSv4 needs nothing else). Host references
 * were checked when the fleet was validated (`validate/check-references.ts`).
 */
export const lowerNfs: Lowering<NfsConfig> = (nfs, context) => ({
  definitions: [
    { path: ["services", "nfs", "server", "enable"], value: true, origin: context.origin },
    {
      path: ["services", "nfs", "server", "exports"],
      value: nfs.exports.map((entry) => exportLine(context.index, entry)).join(""),
      origin: child(context.origin, "exports"),
    },
  ],
  ports: portClaims("nfs", "tcp", [2049], context.origin, nfs.openFirewall),
  diagnostics: [],
});
