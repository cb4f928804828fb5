/**
 * Fake executables for the tools that cannot run here (nixos-rebuild, deploy, colmena, ssh, nvd,
 * sudo, and nix where a real build would be needed). Each is a small `/bin/sh` script that
 * appends one JSON line per call (its name, argv, working directory and NIX_SSHOPTS) to a log,
 * optionally prints something, sleeps, and exits with a chosen code.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** How a fake behaves. */
export interface FakeBehaviour {
  /** Printed on stdout. */
  readonly stdout?: string;
  /** Printed on stderr. */
  readonly stderr?: string;
  /** Exit code (default 0). */
  readonly exit?: number;
  /** Exit 1 (after printing `failed: <pattern>` on stderr) when any argument contains this text. */
  readonly failWhen?: string;
  /** Seconds to sleep before exiting, to observe parallel runs. */
  readonly sleep?: number;
}

/** One recorded call. */
export interface FakeCall {
  readonly tool: string;
  readonly argv: string[];
  readonly cwd: string;
  /** NIX_SSHOPTS, when it was set. */
  readonly nixSshOpts?: string;
  /** `start` when the call began, `end` when it ended (only with `sleep`). */
  readonly phase: "start" | "end";
}

/** A directory of fakes and the log they write. */
export interface Fakes {
  readonly dir: string;
  readonly log: string;
  /** The process environment with the fakes first on PATH, or with `isolated` the only programs on it. */
  env(options?: { isolated?: boolean }): NodeJS.ProcessEnv;
  /** The calls so far, in order (`start` records only). */
  calls(): FakeCall[];
  /** Every record, `end` ones included. */
  records(): FakeCall[];
}

const sh = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

// JSON-escape one shell value: backslashes, double quotes and tabs (no test argument holds a newline).
const SCRIPT_HEAD = `#!/bin/sh
PATH=/usr/bin:/bin
esc() { printf '%s' "$1" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/\t/\\\\t/g'; }
record() {
  phase=$1; shift
  line="{\\"tool\\":\\"$NAME\\",\\"phase\\":\\"$phase\\",\\"cwd\\":\\"$(esc "$(pwd)")\\""
  if [ -n "\${NIX_SSHOPTS+set}" ]; then line="$line,\\"nixSshOpts\\":\\"$(esc "$NIX_SSHOPTS")\\""; fi
  line="$line,\\"argv\\":["
  sep=""
  for a in "$@"; do line="$line$sep\\"$(esc "$a")\\""; sep=","; done
  printf '%s]}\\n' "$line" >> "$LOG"
}
`;

/** Create `tools` as fakes in `dir`, logging to `dir/calls.jsonl`. */
export function createFakes(dir: string, tools: Readonly<Record<string, FakeBehaviour>>): Fakes {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, "calls.jsonl");
  for (const [name, behaviour] of Object.entries(tools)) {
    const script = [
      SCRIPT_HEAD,
      `NAME=${sh(name)}`,
      `LOG=${sh(log)}`,
      'record start "$@"',
      behaviour.stdout === undefined ? "" : `printf '%s' ${sh(behaviour.stdout)}`,
      behaviour.stderr === undefined ? "" : `printf '%s' ${sh(behaviour.stderr)} >&2`,
      behaviour.sleep === undefined ? "" : `sleep ${behaviour.sleep}; record end "$@"`,
      behaviour.failWhen === undefined
        ? ""
        : `case " $* " in *${sh(behaviour.failWhen)}*) echo ${sh(`failed: ${behaviour.failWhen}`)} >&2; exit 1;; esac`,
      `exit ${behaviour.exit ?? 0}`,
    ].join("\n");
    writeFileSync(join(dir, name), `${script}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  if (!existsSync(log)) appendFileSync(log, "");
  const records = (): FakeCall[] =>
    readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as FakeCall);
  return {
    dir,
    log,
    env: (options = {}) => ({ ...process.env, PATH: options.isolated ? dir : `${dir}:${process.env.PATH ?? ""}` }),
    calls: () => records().filter((call) => call.phase === "start"),
    records,
  };
}
