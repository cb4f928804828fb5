/**
 * typeflake as users get it: the repository packed (`npm pack`, dist/ as the bench just built
 * it) and the tarball installed into a folder of its own outside the repository, so the bench
 * can run the installed package's bin, `node_modules/.bin/typeflake`, on its fleets.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPOSITORY } from "./paths.ts";

/** An installation of the packed typeflake; `remove` deletes it. */
export interface InstalledPackage {
  /** The installed bin script (`node_modules/typeflake/bin/typeflake.mjs`, what `.bin/typeflake` links to). */
  readonly bin: string;
  readonly remove: () => void;
}

const npm = (args: readonly string[], cwd: string): string => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Pack the repository and install the tarball into a new temporary folder; a string says why it failed. */
export const installPackage = (): InstalledPackage | string => {
  const folder = mkdtempSync(join(tmpdir(), "typeflake-bench-install-"));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    // dist/ is current (the bench builds it first), so the pack need not build it again.
    const [packed] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", folder, "--loglevel=error"], REPOSITORY)) as [{ filename: string }];
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "typeflake-bench-user", private: true }));
    npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", join(folder, packed.filename)], folder);
    return { bin: join(folder, "node_modules", "typeflake", "bin", "typeflake.mjs"), remove };
  } catch (caught) {
    remove();
    const { message, stderr } = caught as { message: string; stderr?: string };
    return `packing or installing typeflake failed: ${(stderr || message).trim().split("\n").slice(0, 6).join("\n")}`;
  }
};
