/**
 * `typeflake status` through the real CLI, with a fake `ssh` first on PATH that answers
 * `nixos-version --configuration-revision` for each host as a real one would: the commit it runs,
 * an older commit, a dirty build, one git does not have, no revision at all, a refused
 * connection, and no answer before the timeout.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { homelabRepo, type FleetRepo } from "./homelab-repo.ts";

const hostFile = (address: string) => `import { defineHost } from "typeflake";

export default defineHost({ address: "${address}" });
`;

const EXTRA_HOSTS = { camera: "10.0.20.50", printer: "10.0.20.40", tv: "10.0.20.60", stranger: "10.0.20.70" };

let repo: FleetRepo;
let commits: string[];

/** A fake ssh answering per destination; every call's arguments are appended to `ssh.log`. */
const fakeSsh = (answers: Record<string, string>): { env: NodeJS.ProcessEnv; log: string } => {
  const bin = join(repo.root, ".fake-bin");
  mkdirSync(bin, { recursive: true });
  const log = join(bin, "ssh.log");
  writeFileSync(log, "");
  const cases = Object.entries(answers)
    .map(([address, body]) => `  *"@${address} "*) ${body} ;;`)
    .join("\n");
  writeFileSync(
    join(bin, "ssh"),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\ncase "$* " in\n${cases}\n  *) echo "ssh: unexpected call" >&2; exit 255 ;;\nesac\n`,
  );
  chmodSync(join(bin, "ssh"), 0o755);
  return { env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ""}` }, log };
};

beforeAll(() => {
  repo = homelabRepo("status");
  for (const [name, address] of Object.entries(EXTRA_HOSTS)) repo.write(`hosts/${name}/host.ts`, hostFile(address));
  repo.commit("first");
  repo.write("hosts/camera/notes.txt", "second\n");
  repo.commit("second");
  repo.write("hosts/camera/notes.txt", "third\n");
  repo.commit("third");
  commits = repo.git("rev-list", "HEAD").trim().split("\n"); // newest first
});

describe("status", () => {
  test("sorts every host into current, behind, uncommitted, unknown or unreachable", () => {
    const [head, , first] = commits as [string, string, string];
    const { env, log } = fakeSsh({
      "10.0.20.10": `echo ${head}`,
      "10.0.20.11": `echo ${first}`,
      "10.0.20.1": `echo ${head}-dirty`,
      "10.0.20.50": `echo "/run/current-system/sw/bin/nixos-version: configuration revision is unknown" >&2; exit 1`,
      "10.0.20.40": `echo "ssh: connect to host 10.0.20.40 port 22: Connection refused" >&2; exit 255`,
      "10.0.20.60": "exec sleep 5",
      "10.0.20.70": "echo 0123456789abcdef0123456789abcdef01234567",
    });
    const args = ["-C", repo.root, "status", "--timeout", "1"];
    const run = runTypeflake(args, repo.root, env);
    expect(run.status, describeRun(args, run)).toBe(1);
    const short = (commit: string) => commit.slice(0, 12);
    expect(run.stdout.split("\n").map((line) => line.replace(/\s+/g, " ").trim())).toEqual([
      "camera unknown its system records no configuration revision (deployed before typeflake set it, or built outside git)",
      `compute behind ${short(first)} 2 commits behind HEAD`,
      `gateway uncommitted ${short(head)}-dirty built from uncommitted changes, on top of HEAD`,
      `nas current ${short(head)} runs HEAD`,
      "printer unreachable ssh: connect to host 10.0.20.40 port 22: Connection refused",
      `stranger unknown ${short("0123456789abcdef0123456789abcdef01234567")} a commit this repository does not have (fetch it?)`,
      "tv unreachable no answer within 1 s",
      "",
      `7 hosts against HEAD ${short(head)}: 1 current, 1 behind, 1 uncommitted, 2 unknown, 2 unreachable.`,
      "",
    ]);
    // One ssh call per host, exactly as printed: the fleet's user, no prompt, a connect timeout.
    const calls = readFileSync(log, "utf8").trim().split("\n").sort();
    expect(calls).toEqual(
      ["10.0.20.1", "10.0.20.10", "10.0.20.11", "10.0.20.40", "10.0.20.50", "10.0.20.60", "10.0.20.70"]
        .map((address) => `-o BatchMode=yes -o ConnectTimeout=1 deploy@${address} nixos-version --configuration-revision`)
        .sort(),
    );
    for (const call of calls) expect(run.stderr).toContain(`$ ssh ${call.replace("nixos-version --configuration-revision", "'nixos-version --configuration-revision'")}\n`);
  }, 30_000);

  test("named hosts only; all current is exit 0; --json has the same content", () => {
    const [head] = commits as [string];
    const { env } = fakeSsh({ "10.0.20.10": `echo ${head}`, "10.0.20.11": `echo ${head}` });
    const args = ["-C", repo.root, "status", "nas", "compute", "--json"];
    const run = runTypeflake(args, repo.root, env);
    expect(run.status, describeRun(args, run)).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.head).toBe(head);
    expect(report.hosts.map((host: { host: string; state: string }) => `${host.host} ${host.state}`)).toEqual(["compute current", "nas current"]);
    expect(report.summary).toEqual({ current: 2, behind: 0, uncommitted: 0, unknown: 0, unreachable: 0 });
  });

  test("shows what a machine answered with its control characters escaped: a compromised host cannot reach the terminal", () => {
    const { env } = fakeSsh({
      "10.0.20.10": `printf '\\033[2J\\033]0;owned\\007deadbeef\\n'`,
      "10.0.20.11": `printf 'ssh: \\033[31mfake\\033[0m refused\\r\\n' >&2; exit 255`,
    });
    const args = ["-C", repo.root, "status", "nas", "compute"];
    const run = runTypeflake(args, repo.root, env);
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).toContain("\\u001b[31mfake\\u001b[0m refused");
    expect(run.stdout).toContain("\\u001b[2J");
  });

  test("an unknown host name is a clear error, and nothing is asked", () => {
    const { env, log } = fakeSsh({});
    const args = ["-C", repo.root, "status", "nass"];
    const run = runTypeflake(args, repo.root, env);
    expect(run.status, describeRun(args, run)).toBe(1);
    expect(run.stderr).toContain('unknown host "nass" (did you mean "nas"?)');
    expect(readFileSync(log, "utf8")).toBe("");
  });
});
