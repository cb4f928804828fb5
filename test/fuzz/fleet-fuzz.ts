/**
 * Generative fuzz of whole fleets through the built CLI:
 *
 *   npx tsx test/fuzz/fleet-fuzz.ts [--runs 100] [--seed 1] [--hostility 0.05] [--keep] [--nixfmt PATH]
 *
 * Each run writes a random fleet (./draw-fleet.ts) into a temporary folder and runs
 * `generate --check --json`, `generate`, and on success `generate` again, then checks the
 * promises: exit 0 or 1 and never a stack trace or a hang; `--json` stdout parses; a refusal
 * writes and removes nothing and locates every diagnostic inside its file; an accepted fleet's
 * .nix files parse with `nix-instantiate --parse`, evaluate (the flake's inputs stubbed, see
 * test/support/flake-eval.ts) to the values the fleet wrote, and a second run changes nothing.
 * With `--nixfmt`, a nixfmt binary (not packaged for Debian, so never run by `npm test`) must
 * leave every generated .nix file as it is: typeflake writes nixfmt's layout. Fleets with raw
 * `nix\`…\`` text are not compared, unless each fragment is a name, a selection or a number:
 * typeflake writes raw Nix as the user wrote it, unformatted.
 * Findings are printed with the seed that reproduces them; `--keep` keeps their folders.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { evalFlakeJson } from "../support/flake-eval.ts";
import { drawFleet, type DrawnFleet } from "./draw-fleet.ts";

const CLI = fileURLToPath(new URL("../../bin/typeflake.mjs", import.meta.url));
const CRASH = /internal error|\n\s+at .+[(:]\d+|Unhandled|uncaught|TypeError|RangeError|ReferenceError|Maximum call stack/i;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function cli(dir: string, args: readonly string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args, "-C", dir], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

/** Every file under `dir` with a hash of its contents. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) files.set(entry, createHash("sha1").update(readFileSync(path)).digest("hex"));
  }
  return files;
}

function snapshotChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [path, hash] of before) if (after.get(path) !== hash) changes.push(after.has(path) ? `changed ${path}` : `removed ${path}`);
  for (const path of after.keys()) if (!before.has(path)) changes.push(`created ${path}`);
  return changes;
}

interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  severity: string;
  code: string;
  message: string;
}

function checkRun(what: string, run: Run, findings: string[]): void {
  if (run.timedOut) findings.push(`${what}: timed out`);
  else if (run.status !== 0 && run.status !== 1) findings.push(`${what}: exit ${run.status}\n${run.stderr.slice(0, 2000)}`);
  const crash = CRASH.exec(run.stdout + run.stderr);
  if (crash) findings.push(`${what}: looks like a crash (${JSON.stringify(crash[0])})\n${(run.stdout + run.stderr).slice(0, 3000)}`);
}

function checkLocations(dir: string, diagnostics: readonly JsonDiagnostic[], findings: string[]): void {
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity !== "error") continue;
    const where = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.code}`;
    let lines: string[];
    try {
      lines = readFileSync(join(dir, diagnostic.file), "utf8").split("\n");
    } catch {
      findings.push(`diagnostic names a file that cannot be read: ${where} ${diagnostic.message}`);
      continue;
    }
    const line = diagnostic.line === null ? undefined : lines[diagnostic.line - 1];
    if (line === undefined || diagnostic.column === null || diagnostic.column < 1 || diagnostic.column > line.length + 1) {
      findings.push(`diagnostic not located inside its file: ${where} ${diagnostic.message}`);
    }
  }
}

function nixFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((entry) => entry.endsWith(".nix")).map((entry) => join(dir, entry));
}

/** JSON text with every object's keys sorted, as Nix orders attributes. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );

/** `text` as a Nix string literal. */
const nixString = (text: string): string =>
  `"${text.replace(/[\\"\n\r\t]|\$\{/g, (special) => ({ "\n": "\\n", "\r": "\\r", "\t": "\\t" })[special] ?? `\\${special}`)}"`;

function checkValues(dir: string, fleet: DrawnFleet, findings: string[]): void {
  if (fleet.expected.length === 0) return;
  const reads = fleet.expected
    .map((entry, i) => {
      const root = entry.under === "deploy-node" ? `self.deploy.nodes.${nixString(entry.host)}` : `self.nixosConfigurations.${nixString(entry.host)}.config`;
      return `v${i} = ${root}.${entry.path.map(nixString).join(".")};`;
    })
    .join("\n");
  let values: Record<string, unknown>;
  try {
    values = evalFlakeJson(dir, `self: { ${reads} }`) as Record<string, unknown>;
  } catch (error) {
    findings.push(`evaluating the flake failed: ${String(error).slice(0, 3000)}`);
    return;
  }
  fleet.expected.forEach((entry, i) => {
    const got = canonical(values[`v${i}`]);
    const want = canonical(entry.value);
    if (got !== want) findings.push(`${entry.host}: ${entry.path.join(".")} evaluates to ${got?.slice(0, 500)}, the fleet wrote ${want?.slice(0, 500)}`);
  });
}

/** Fuzz one seed; returns its findings (empty when every promise held). */
function fuzzOne(seed: number, hostility: number, keep: boolean, nixfmt: string | undefined): { findings: string[]; accepted: boolean; dir: string } {
  const fleet = drawFleet(seed, hostility);
  const dir = mkdtempSync(join(tmpdir(), `fleet-fuzz-${seed}-`));
  for (const [path, text] of fleet.files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const findings: string[] = [];
  const before = snapshot(dir);

  const check = cli(dir, ["generate", "--check", "--json", "--no-cache"]);
  checkRun("generate --check --json", check, findings);
  let diagnostics: JsonDiagnostic[] = [];
  try {
    diagnostics = JSON.parse(check.stdout) as JsonDiagnostic[];
  } catch {
    findings.push(`--check --json stdout is not JSON: ${check.stdout.slice(0, 500)}`);
  }
  const afterCheck = snapshot(dir);
  for (const change of snapshotChanges(before, afterCheck)) findings.push(`--check wrote: ${change}`);

  const write = cli(dir, ["generate"]);
  checkRun("generate", write, findings);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if ((write.status === 1) !== errors.length > 0) {
    findings.push(`generate exit ${write.status} but --check --json listed ${errors.length} errors\n${write.stderr.slice(0, 1500)}`);
  }
  const accepted = write.status === 0;
  if (write.status === 1) {
    for (const change of snapshotChanges(afterCheck, snapshot(dir))) findings.push(`refused generate wrote: ${change}`);
    checkLocations(dir, diagnostics, findings);
    if (!fleet.hostile) findings.push(`a fleet drawn valid was refused:\n${write.stderr.slice(0, 2000)}`);
  }
  if (accepted) {
    // Raw text that is a name, a selection or a number (nix`true`, nix`config.x.enable`) is Nix
    // nixfmt leaves as it is, so fleets with only such fragments are compared too.
    const hasRawNix = readdirSync(dir, { recursive: true, encoding: "utf8" }).some(
      (entry) => entry.endsWith(".ts") && readFileSync(join(dir, entry), "utf8").replace(/\bnix`[\w.'-]+`/g, "").includes("nix`"),
    );
    for (const file of nixFiles(dir)) {
      const parse = spawnSync("nix-instantiate", ["--parse", file], { encoding: "utf8" });
      if (parse.status !== 0) findings.push(`${file} does not parse: ${parse.stderr.slice(0, 1000)}`);
      if (nixfmt !== undefined && !hasRawNix) {
        const text = readFileSync(file, "utf8");
        const formatted = spawnSync(nixfmt, [], { input: text, encoding: "utf8" });
        if (formatted.status !== 0 || formatted.stdout !== text) findings.push(`${file} is not as nixfmt lays it out (nixfmt exit ${formatted.status}); compare with ${nixfmt} < ${file}`);
      }
    }
    const again = cli(dir, ["generate"]);
    checkRun("second generate", again, findings);
    if (again.status !== 0 || !/0 created, 0 updated, \d+ unchanged, 0 removed|up to date|nothing/i.test(again.stdout + again.stderr)) {
      findings.push(`second generate was not a no-op (exit ${again.status}): ${(again.stdout + again.stderr).slice(0, 1000)}`);
    }
    const recheck = cli(dir, ["generate", "--check", "--no-cache"]);
    if (recheck.status !== 0) findings.push(`--check after generate: exit ${recheck.status}: ${(recheck.stdout + recheck.stderr).slice(0, 1500)}`);
    checkValues(dir, fleet, findings);
  }
  if (findings.length === 0 || !keep) rmSync(dir, { recursive: true, force: true });
  return { findings, accepted, dir };
}

const { values: options } = parseArgs({
  options: {
    runs: { type: "string", default: "50" },
    seed: { type: "string", default: "1" },
    hostility: { type: "string", default: "0.05" },
    keep: { type: "boolean", default: false },
    nixfmt: { type: "string" },
  },
});
const runs = Number(options.runs);
const firstSeed = Number(options.seed);
let accepted = 0;
let failed = 0;
for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
  const result = fuzzOne(seed, Number(options.hostility), options.keep, options.nixfmt);
  if (result.accepted) accepted++;
  if (result.findings.length > 0) {
    failed++;
    console.log(`\n### seed ${seed} (${result.dir})\n${result.findings.join("\n---\n")}`);
  }
}
console.log(`\n${runs} fleets: ${accepted} accepted, ${runs - accepted} refused, ${failed} with findings`);
process.exitCode = failed > 0 ? 1 : 0;
