/**
 * Evaluate a flake with the real `nix eval`, every input replaced by a local stub flake from
 * `test/support/stub-inputs/<input name>/` (an input named `nixpkgs-<channel>`, such as
 * nixpkgs-unstable, gets a copy of the nixpkgs stub whose packages carry that channel as
 * version). Nothing is fetched and the flake directory is not written to (no flake.lock).
 *
 * Values come back as `nix eval --json` prints them: packages as their store path, paths copied
 * into the store; functions cannot be printed. Read leaves rather than whole subtrees: under the
 * stub module system (stub-inputs/nixpkgs/lib/modules.nix) a value whose definitions are all
 * `mkIf false` throws "used but not defined" when read, as a NixOS option without a default does.
 *
 * Each nix call costs a few hundred milliseconds: read many values at once with
 * {@link evalFlakeJson}.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { nixInstantiate, requireNixBinary } from "./nix.ts";

/** The stub flakes, one directory per input name. */
const STUB_INPUTS_DIR = fileURLToPath(new URL("./stub-inputs/", import.meta.url));

const NIX_FEATURES = ["--extra-experimental-features", "nix-command flakes"];

/** Names of the inputs a flake declares or its `outputs` function takes, `self` excepted. */
export function flakeInputNames(flakeDir: string): string[] {
  const expr = `{ flakeFile }:
    let flake = import flakeFile;
    in builtins.attrNames (removeAttrs (flake.inputs or { } // builtins.functionArgs flake.outputs) [ "self" ])`;
  const out = nixInstantiate(["--eval", "--strict", "--json", "--argstr", "flakeFile", join(resolve(flakeDir), "flake.nix"), "-E", expr]);
  return JSON.parse(out) as string[];
}

/**
 * Evaluate `path:<flakeDir>#<attrPath>` to JSON, e.g.
 * `evalFlake(dir, "deploy.nodes.nas.hostname")` → `"10.0.20.10"`.
 */
export function evalFlake(flakeDir: string, attrPath: string): unknown {
  return withFlakeSource(flakeDir, (source) =>
    nixEvalJson(`${attrPath} of ${flakeDir}`, [`path:${source}#${attrPath}`, ...overrideArgs(flakeDir, "")]),
  );
}

/**
 * Evaluate `apply`, a Nix function of the whole flake — what its outputs see as `self`: every
 * output, plus `inputs` (the stubs) and `outPath` — to JSON in one nix call, e.g.
 * `evalFlakeJson(dir, "self: { path = self.nixosConfigurations.nas.config.services.samba.settings.media.path; }")`.
 */
export function evalFlakeJson(flakeDir: string, apply: string): unknown {
  return withFlakeSource(flakeDir, (source) =>
    nixEvalJson(`an expression over ${flakeDir}`, [
      `path:${wholeFlakeWrapper()}#flake`,
      "--apply",
      apply,
      "--override-input",
      "target",
      `path:${source}`,
      ...overrideArgs(flakeDir, "target/"),
    ]),
  );
}

/** `--override-input <prefix><input> path:<stub>` for every input of the flake. */
function overrideArgs(flakeDir: string, prefix: string): string[] {
  const stubs = flakeInputNames(flakeDir).map((name) => [name, stubInputDir(name)] as const);
  const missing = stubs.filter(([, dir]) => dir === undefined).map(([name]) => `"${name}"`);
  if (missing.length > 0) {
    throw new Error(
      `The flake in ${flakeDir} has inputs without a stub flake, so it cannot be evaluated offline: ` +
        `${missing.join(", ")}. Add test/support/stub-inputs/<input>/flake.nix (no inputs of its own) for each.`,
    );
  }
  return stubs.flatMap(([name, dir]) => ["--override-input", `${prefix}${name}`, `path:${dir}`]);
}

/** The stub flake directory that stands for input `name`, or undefined when there is none. */
function stubInputDir(name: string): string | undefined {
  const dir = join(STUB_INPUTS_DIR, name);
  if (existsSync(join(dir, "flake.nix"))) return dir;
  const channel = /^nixpkgs-(.+)$/.exec(name)?.[1];
  return channel === undefined ? undefined : nixpkgsChannelStub(channel);
}

/** Run `nix eval --json --no-write-lock-file <args>` and parse its output; nix's error on failure. */
function nixEvalJson(what: string, args: readonly string[]): unknown {
  requireNixBinary("nix");
  const result = spawnSync("nix", [...NIX_FEATURES, "eval", "--json", "--no-write-lock-file", ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`nix eval of ${what} failed:\n${withoutLockFileWarning(result.stderr)}`);
  }
  return JSON.parse(result.stdout);
}

/** stderr without the "not writing modified lock file" warning and its list of inputs. */
function withoutLockFileWarning(stderr: string): string {
  return stderr.replace(/^warning: not writing modified lock file.*\n(?:(?:•| ).*\n)*/m, "").trim();
}

/**
 * Run `evaluate` on the directory nix should read for `flakeDir`: the directory itself, or —
 * when it holds node_modules or .git, which nix would copy into the store on every call — a
 * temporary copy without node_modules and dot-entries (.git, scratch folders), removed after.
 */
function withFlakeSource<T>(flakeDir: string, evaluate: (source: string) => T): T {
  const dir = resolve(flakeDir);
  if (!existsSync(join(dir, "node_modules")) && !existsSync(join(dir, ".git"))) return evaluate(dir);
  const copy = mkdtempSync(join(tmpdir(), "typeflake-flake-"));
  try {
    cpSync(dir, copy, {
      recursive: true,
      filter: (source) => source === dir || !(basename(source) === "node_modules" || basename(source).startsWith(".")),
    });
    return evaluate(copy);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * `<tmp>/typeflake-flake-eval-<uid>/<name>`, made by `fill` unless it exists. Names carry a hash
 * of the contents, so test workers and runs share these directories and nothing needs removing;
 * `fill` writes into a draft that is renamed into place, so no worker sees a half-made one. One
 * folder per user: another user's run on the same machine made its own, which this one cannot
 * write to (nor should trust).
 */
function scratchDir(name: string, fill: (dir: string) => void): string {
  const dir = join(tmpdir(), `typeflake-flake-eval-${process.getuid?.() ?? "user"}`, name);
  if (existsSync(dir)) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  const draft = mkdtempSync(`${dir}.draft-`);
  fill(draft);
  try {
    renameSync(draft, dir);
  } catch (error) {
    rmSync(draft, { recursive: true, force: true });
    if (!existsSync(dir)) throw error; // else another worker made it first
  }
  return dir;
}

/** A short hash of the files under `root` (paths and contents). */
function treeHash(root: string): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" }).sort()) {
    const path = join(root, file);
    if (statSync(path).isFile()) hash.update(`${file}\0`).update(readFileSync(path));
  }
  return hash.digest("hex").slice(0, 16);
}

/** A copy of the nixpkgs stub whose ./channel.nix names `channel`. */
function nixpkgsChannelStub(channel: string): string {
  const source = join(STUB_INPUTS_DIR, "nixpkgs");
  return scratchDir(`nixpkgs-${channel}-${treeHash(source)}`, (dir) => {
    cpSync(source, dir, { recursive: true });
    // Input names are Nix identifiers, so the JSON string is a valid Nix string.
    writeFileSync(join(dir, "channel.nix"), `# Written by test/support/flake-eval.ts.\n${JSON.stringify(channel)}\n`);
  });
}

/**
 * A flake whose output `flake` is its input `target`, always overridden with the flake under
 * test: `nix eval <ref>#<attr> --apply` cannot name a flake's top level, this output can.
 */
const WHOLE_FLAKE_WRAPPER = `# Written by test/support/flake-eval.ts; \`target\` is always given with --override-input.
{
  inputs.target.url = "path:/nonexistent";
  outputs = { self, target }: { flake = target; };
}
`;

function wholeFlakeWrapper(): string {
  const hash = createHash("sha256").update(WHOLE_FLAKE_WRAPPER).digest("hex").slice(0, 16);
  return scratchDir(`whole-flake-${hash}`, (dir) => writeFileSync(join(dir, "flake.nix"), WHOLE_FLAKE_WRAPPER));
}
