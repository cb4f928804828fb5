/**
 * The homelab's runs, and the 1,000-host fleet's with nothing changed, counted in instructions
 * (`measure/instructions.ts`) instead of timed: one run each, the same count whatever else the machine is doing, so two commits can be compared
 * on a shared machine where a timed difference of 5 % is lost in the noise. Beside the floor
 * `node -e 0` in the same units. Opt-in (`npm run bench -- --instructions`, or alone:
 * `npx tsx bench/instructions.ts`), as each run is about 40 times slower under valgrind.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { copyHomelab, editOneHost } from "./homelab.ts";
import { measure } from "./measure/child.ts";
import { countInstructions, hasValgrind } from "./measure/instructions.ts";
import { CLI, REPOSITORY, SCRATCH } from "./paths.ts";
import { table } from "./report/table.ts";
import { afterClockSlack } from "./runs.ts";
import { specLabel, type FleetSpec } from "./synthetic/spec.ts";
import { initFleetRepository, writeSyntheticFleet } from "./synthetic/write-fleet.ts";

/** One counted command. */
export interface CountedRun {
  readonly name: string;
  /** Instructions executed, undefined when valgrind reported none. */
  readonly instructions: number | undefined;
}

/** The counts, or why there are none. */
export type InstructionsResult = { readonly runs: readonly CountedRun[] } | { readonly unavailable: string };

const node = (args: readonly string[]) => countInstructions(process.execPath, args, REPOSITORY);

/** The large fleet whose nothing-changed run is counted (its cold and one-changed runs would take minutes each). */
const LARGE: FleetSpec = { hosts: 1000, layout: "folders", topology: "hub" };

/**
 * Count `node -e 0`, `typeflake --version`, the homelab's generate up to date, with `--no-cache`
 * and after one host's edit, and the 1,000-host fleet's generate with nothing changed.
 */
export const benchInstructions = async (): Promise<InstructionsResult> => {
  if (!(await hasValgrind())) return { unavailable: "valgrind is not installed (Debian: apt-get install valgrind)" };
  const root = join(SCRATCH, "homelab-instructions");
  const large = join(SCRATCH, `${specLabel(LARGE)}-instructions`);
  await copyHomelab(root);
  initFleetRepository(root);
  await writeSyntheticFleet(large, LARGE);
  const generate = (...flags: string[]) => node([CLI, "generate", ...flags, "-C", root]);
  const generateLarge = () => node([CLI, "generate", "-C", large]);
  // Written (not counted), then settled past the hash memo's clock slack, as on any later day.
  const prepare = (fleet: string) => measure(process.execPath, [CLI, "generate", "-C", fleet], REPOSITORY);
  await Promise.all([prepare(root), prepare(large)]);
  await afterClockSlack();
  await Promise.all([prepare(root), prepare(large)]);
  const runs: CountedRun[] = [];
  const count = async (name: string, run: () => Promise<number | undefined>) => runs.push({ name, instructions: await run() });
  await count("node -e 0", () => node(["-e", "0"]));
  await count("typeflake --version", () => node([CLI, "--version"]));
  await count("homelab generate (up to date)", () => generate());
  await count("homelab generate --no-cache (the whole pipeline)", () => generate("--no-cache"));
  await editOneHost(root, 1);
  await count("homelab generate after one host's file changed (an edit loop)", () => generate());
  await count("1,000 hosts generate (nothing changed)", generateLarge);
  return { runs };
};

const millions = (count: number | undefined): string => (count === undefined ? "–" : `${(count / 1e6).toFixed(0)} M`);

/** The counts beside `node -e 0`'s. */
export const instructionsReport = (result: InstructionsResult): string => {
  const title = "== instructions executed (callgrind, one run each; the process itself, not esbuild's or git's)";
  if ("unavailable" in result) return `${title}\nnot counted: ${result.unavailable}`;
  const floor = result.runs[0]?.instructions;
  const rows = result.runs.map((run) => [
    run.name,
    millions(run.instructions),
    run.instructions !== undefined && floor ? `${(run.instructions / floor).toFixed(1)}x` : "–",
  ]);
  return [title, table(["", "instructions", "x node -e 0"], rows)].join("\n");
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The CLI under test is the compiled one, as users run it (as `npm run bench` does).
  execFileSync("npm", ["run", "--silent", "build"], { cwd: REPOSITORY, stdio: ["ignore", "ignore", "inherit"] });
  console.log(instructionsReport(await benchInstructions()));
}
