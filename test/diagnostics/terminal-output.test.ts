/**
 * A fleet whose text holds ESC and a bidi override (in a key, a value, a thrown message and the
 * source lines themselves), through `typeflake generate` as a user runs it: the terminal gets every
 * one of them escaped and still coloured by typeflake, `--json` gets them as exact data.
 */
import { afterAll, describe, expect, it } from "vitest";
import { registerGenerateCommands } from "../../generators/cli/commands/generate.ts";
import { runCommand } from "../support/run-command.ts";
import { BASE_FLEET, hostFile } from "./support/fleet-text.ts";
import { runGenerate } from "./support/run-generate.ts";
import { removeFleet, writeFleet } from "./support/temp-fleet.ts";

const ESC = "\u001b";
const RLO = "\u202e";

/** What a terminal would act on: C0 controls but the line break, DEL, C1, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** typeflake's own colours (picocolors' SGR sequences), the only escapes it may print itself. */
const SGR = /\u001b\[\d+m/g;

const roots: string[] = [];
afterAll(() => Promise.all(roots.map(removeFleet)));

/**
 * Host "nas" has a key and a value carrying ESC and U+202E written raw in its source, so the
 * excerpted lines carry them too; host "web" throws a message carrying them while it loads.
 */
const hostileFleet = async (): Promise<string> => {
  const root = await writeFleet({
    ...BASE_FLEET,
    "hosts/nas/host.ts": hostFile(`  address: "10.0.${ESC}[2J${RLO}",\n  modules: ["common"],\n  "x${ESC}[31m${RLO}": 1,`, "defineHost"),
    "hosts/web/host.ts": `import { defineHost } from "typeflake";\nthrow new Error("spoof${ESC}[2J${RLO}\\r");\nexport default defineHost({ address: "10.0.20.11" });\n`,
  });
  roots.push(root);
  return root;
};

describe("fleet text in the terminal", () => {
  it("reaches it escaped, in messages, object paths and source lines, with typeflake's colours intact", async () => {
    const root = await hostileFleet();
    const run = await runGenerate(root);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).not.toMatch(UNSAFE);
    expect(run.stderr).toContain('error address: must be an IP address or DNS name such as "10.0.20.10" or "nas.lab.local", got "10.0.\\u001b[2J\\u202e"');
    expect(run.stderr).toContain('  4 |   address: "10.0.\\u001b[2J\\u202e",\n    |   ^');
    expect(run.stderr).toContain('error "x\\u001b[31m\\u202e": ');
    expect(run.stderr).toContain('  6 |   "x\\u001b[31m\\u202e": 1,');
    expect(run.stderr).toContain("threw while loading: Error: spoof\\u001b[2J\\u202e\\r");

    const colored = await runCommand([registerGenerateCommands], ["generate"], { root, cwd: root, env: { ...process.env, NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(colored.stderr).toMatch(SGR);
    expect(colored.stderr.replace(SGR, "")).not.toMatch(UNSAFE);
  });

  it("reaches --json as the exact text, escaped by JSON alone", async () => {
    const root = await hostileFleet();
    const run = await runGenerate(root, "--json");
    const messages = (JSON.parse(run.stdout) as { message: string }[]).map((record) => record.message);
    expect(messages).toContain(`threw while loading: Error: spoof${ESC}[2J${RLO}\r`);
    expect(messages.some((message) => message.endsWith(`got "10.0.\\u001b[2J${RLO}"`))).toBe(true);
  });
});
