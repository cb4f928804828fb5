import { test } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFakes } from "./support/fakes.ts";
import { homelab } from "./support/fleet.ts";
import { runCli } from "./support/cli.ts";
test("smoke", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tf-"));
  const fakes = createFakes(join(dir, "bin"), { deploy: { failWhen: ".#compute", sleep: 0.2, stdout: "hello\n" }, ssh: { stdout: "/nix/store/aaa-current\n" }, nix: { stdout: '[{"drvPath":"/nix/store/x.drv","outputs":{"out":"/nix/store/bbb-new"}}]' }, nvd: {} });
  for (const argv of [["deploy", "--all"], ["deploy", "nas", "--dry-run", "--tool", "nixos-rebuild"], ["closure-diff", "nas"], ["generations", "nas"], ["rollback", "nas", "--to", "3"], ["eval", "nas", 'services.samba.settings."server min protocol"', "--dry-run"], ["deploy", "naz"], ["deploy", "nas", "--tool", "colmena"], ["deploy", "--jobs", "x"]]) {
    const r = await runCli(argv, { fleet: homelab(dir), env: fakes.env() });
    console.log(argv.join(" "), "=>", r.exitCode, "\nSTDOUT:", r.stdout, "\nSTDERR:", r.stderr);
  }
  console.log(fakes.records());
});
