/**
 * Fleet code that writes to stdout while it loads (a `console.log` left in a host file) does not
 * corrupt typeflake's own output there: `generate --json` stays JSON, and the line goes to stderr.
 */
import { afterAll, describe, expect, it } from "vitest";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { withFleetOutputOnStderr } from "../../generators/load/fleet-output.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

describe("what fleet code prints while it loads", () => {
  it("goes to stderr, so that stdout stays typeflake's (generate --json)", async () => {
    const root = await writeFleet({
      "typeflake.config.ts": `import { defineFleet } from "typeflake";
console.log("debug: the config loads");
export default defineFleet({
  description: "Noisy fleet",
  inputs: { nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" } },
  deploy: { tool: "nixos-rebuild", sshUser: "root" },
});
`,
      "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
process.stdout.write("debug: alpha loads\\n");
export default defineHost({ address: "10.0.0.1", hardware: "./hardware.nix" });
`,
      "hosts/alpha/hardware.nix": "{ ... }: { }\n",
    });
    fleets.push(root);
    const args = ["generate", "--json", "--no-cache"];
    const run = runTypeflake(args, root);
    expect(run.status, describeRun(args, run)).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toContain("debug: the config loads");
    expect(run.stderr).toContain("debug: alpha loads");
  });

  it("gives stdout back once the last of loads under way at once is done, whichever ends first", async () => {
    const write = Object.getOwnPropertyDescriptor(process.stdout, "write");
    const ends: (() => void)[] = [];
    const load = () => withFleetOutputOnStderr(() => new Promise<void>((resolve) => ends.push(resolve)));
    const first = load();
    const second = load();
    ends[0]?.();
    await first;
    expect(Object.getOwnPropertyDescriptor(process.stdout, "write"), "redirected while the second load is under way").not.toEqual(write);
    ends[1]?.();
    await second;
    expect(Object.getOwnPropertyDescriptor(process.stdout, "write")).toEqual(write);
  });
});
