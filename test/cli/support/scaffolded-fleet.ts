/**
 * A fleet made by `typeflake init`'s scaffold under test/.tmp/, set up as a user's is: its own
 * git repository (this one ignores test/.tmp/, and flakes see only what git tracks), with
 * typeflake "installed" as a link to this repository — what `npm install` gives a user, loaded
 * from the sources here.
 */
import { execFileSync } from "node:child_process";
import { symlinkSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_INIT_OPTIONS, type InitOptions } from "../../../generators/init/init-options.ts";
import { scaffoldFiles } from "../../../generators/init/scaffold.ts";
import { writeScaffold } from "../../../generators/init/write-scaffold.ts";
import { writeFleet } from "../../diagnostics/support/temp-fleet.ts";

const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));

/** Make `root` a git repository of its own and link `root`/node_modules/typeflake to this repository. */
export const installTypeflake = async (root: string): Promise<void> => {
  execFileSync("git", ["init", "--quiet", root]);
  await mkdir(join(root, "node_modules"), { recursive: true });
  symlinkSync(REPOSITORY, join(root, "node_modules", "typeflake"), "dir");
};

/** The absolute root of a freshly scaffolded fleet (remove it with `removeFleet`). */
export const scaffoldedFleet = async (options: Partial<InitOptions> = {}): Promise<string> => {
  const root = await writeFleet({});
  const result = await writeScaffold(root, await scaffoldFiles(root, { ...DEFAULT_INIT_OPTIONS, ...options }));
  if (!result.ok) throw new Error(`the scaffold could not be written to ${root}: ${JSON.stringify(result)}`);
  await installTypeflake(root);
  return root;
};
