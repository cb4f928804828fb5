/**
 * Two generations of one fleet, big enough that a write has hundreds of file operations: the
 * second rewrites every host, renames a module (the flake then imports a file the first lacks),
 * adds a host in a new folder and drops one (a stale file and an emptied folder). Around them,
 * hand-written files that no run may touch.
 */
import { cp, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FilePlan } from "../../../generators/emit/plan.ts";
import { entriesBelow, planned, put } from "./tree.ts";

const HOSTS = Array.from({ length: 60 }, (_, index) => `h${String(index).padStart(2, "0")}`);

/** The first generation. */
export const before: FilePlan = {
  files: [
    planned("flake.nix", "{ imports = [ ./modules/a.nix ./modules/common.nix ]; }\n", "typeflake.config.ts"),
    planned("modules/a.nix", "{ a = 1; }\n", "modules/a.ts"),
    planned("modules/common.nix", "{ common = 1; }\n", "modules/common.ts"),
    planned("hosts/gone/default.nix", "{ gone = true; }\n", "hosts/gone/host.ts"),
    ...HOSTS.map((host) => planned(`hosts/${host}/default.nix`, `{ host = "${host}"; generation = 1; }\n`, `hosts/${host}/host.ts`)),
  ],
};

/** The second generation. */
export const after: FilePlan = {
  files: [
    planned("flake.nix", "{ imports = [ ./modules/base.nix ./modules/common.nix ]; }\n", "typeflake.config.ts"),
    planned("modules/base.nix", "{ a = 1; }\n", "modules/base.ts"),
    planned("modules/common.nix", "{ common = 2; }\n", "modules/common.ts"),
    planned("hosts/new/default.nix", "{ new = true; }\n", "hosts/new/host.ts"),
    ...HOSTS.map((host) => planned(`hosts/${host}/default.nix`, `{ host = "${host}"; generation = 2; }\n`, `hosts/${host}/host.ts`)),
  ],
};

/** Files a person wrote: never touched by typeflake. */
export const handWritten: Record<string, string> = {
  "README.md": "# my fleet\n",
  "typeflake.config.ts": "export default {};\n",
  "hosts/h00/hardware.nix": "{ fileSystems.\"/\".device = \"/dev/sda1\"; }\n",
  "hosts/gone/notes.txt": "kept by hand\n",
  ...Object.fromEntries(HOSTS.map((host) => [`hosts/${host}/host.ts`, `export default { name: "${host}" };\n`])),
};

/** Put the hand-written files into `root`. */
export const putHandWritten = (root: string): Promise<void> => put(root, handWritten);

/** Copy a fleet tree to a new root. */
export const copyTree = (from: string, to: string): Promise<void> => cp(from, to, { recursive: true });

/**
 * Every directory (`/` suffix) and file (with its content) below `root`, sorted: a tree to
 * compare. `node_modules/` and `.git/` are not the fleet's own and are left out.
 */
export async function contents(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const { path, entry } of await entriesBelow(root, (folder) => folder === "node_modules" || folder === ".git")) {
    tree[entry.isDirectory() ? `${path}/` : path] = entry.isDirectory() ? "" : await readFile(join(root, path), "utf8");
  }
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => (a < b ? -1 : 1)));
}
