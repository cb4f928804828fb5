/**
 * `typeflake options sync` end to end, with the real nix: a scaffolded fleet (its own git
 * repository under test/.tmp/, typeflake linked from this repository) whose hand-written
 * `modules/backup.nix` declares `homelab.backup.*` (and renames an old option) is generated,
 * synced against the stub inputs (whose module system lists its options as nixpkgs'
 * `lib.optionAttrSetToDocList` does), and then judged by generate, tsc and TypeScript's language
 * service from the fleet's own schema. Also: `options import` into a fleet, never into the package.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Project, ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { scaffoldedFleet } from "../cli/support/scaffolded-fleet.ts";
import { removeFleet } from "../diagnostics/support/temp-fleet.ts";
import { evalFlakeJson, flakeInputNames } from "../support/flake-eval.ts";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));
const STUBS = fileURLToPath(new URL("../support/stub-inputs/", import.meta.url));

const BACKUP_MODULE = `{ lib, ... }:
{
  imports = [
    (lib.mkRenamedOptionModule [ "homelab" "backup" "folders" ] [ "homelab" "backup" "paths" ])
    (lib.mkRemovedOptionModule [ "homelab" "backup" "cron" ] "Backups run from a systemd timer now.")
  ];
  options.homelab.backup = {
    enable = lib.mkEnableOption "nightly backups of the folders in homelab.backup.paths";
    paths = lib.mkOption {
      type = lib.types.listOf lib.types.str;
      default = [ ];
      example = [ "/srv/media" ];
      description = "Folders the nightly backup copies, each an absolute path.";
    };
  };
}
`;

/** The scaffold's host file with the backup module imported and `nixos` set to `nixos`. */
const hostFile = (nixos: string): string =>
  `import { defineHost } from "typeflake";

export default defineHost({
  address: "192.168.1.10",
  hardware: "./hardware.nix",
  imports: ["../../modules/backup.nix"],
  nixos: ${nixos},
});
`;

let root: string;
const host = () => join(root, "hosts/server/host.ts");
const typeflake = (...args: string[]) => runTypeflake(args, root);
const overrides = () =>
  flakeInputNames(root).flatMap((input) => ["--override-input", input, `path:${join(STUBS, input)}`]);
const tsc = () =>
  spawnSync(
    process.execPath,
    [join(REPOSITORY, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(root, "tsconfig.json"), "--customConditions", "typeflake-source"],
    { encoding: "utf8" },
  );

beforeAll(async () => {
  root = await scaffoldedFleet();
  mkdirSync(join(root, "modules"), { recursive: true });
  writeFileSync(join(root, "modules/backup.nix"), BACKUP_MODULE);
  writeFileSync(host(), hostFile(`{ system: { stateVersion: "26.05" } }`));
  // A flake in a git work tree sees only what git tracks: the hand-written files, as a user commits them.
  execFileSync("git", ["-C", root, "add", "--all"]);
  const generate = typeflake("generate");
  if (generate.status !== 0) throw new Error(describeRun(["generate"], generate));
}, 120_000);
afterAll(() => removeFleet(root));

describe("typeflake options sync", () => {
  it("writes the fleet's schema from its evaluated hosts: options of its own modules, documented, and the renamed and removed ones", () => {
    const sync = typeflake("options", "sync", ...overrides());
    expect(sync.status, describeRun(["options", "sync"], sync)).toBe(0);
    expect(sync.stderr).toContain("$ nix --extra-experimental-features 'nix-command flakes' eval --json --override-input");
    expect(sync.stderr).toMatch(/Synced \d+ options into \.typeflake\/options\//);
    expect(readdirSync(join(root, ".typeflake/options")).sort()).toEqual(["index.json", "nixos-options.d.ts", "source.json"]);

    const index = readFileSync(join(root, ".typeflake/options/index.json"), "utf8");
    expect(index).toContain('"homelab.backup.enable": ');
    expect(index).toContain('"system.stateVersion": ');
    expect(index).toContain(
      '"homelab.backup.enable": {"description":"Whether to enable nightly backups of the folders in homelab.backup.paths.","default":"false","example":"true","declaredIn":["modules/backup.nix"]}',
    );
    expect(index).toContain('{"from":["homelab","backup","folders"],"to":["homelab","backup","paths"],"kind":"renamed"}');
    expect(index).toContain('{"from":["homelab","backup","cron"],"to":null,"kind":"removed"}');
    expect(index).not.toMatch(/\/nix\/store|\.tmp/);
    expect(JSON.parse(readFileSync(join(root, ".typeflake/options/source.json"), "utf8"))).toMatchObject({
      command: "typeflake options sync",
      hosts: ["server"],
      overriddenInputs: flakeInputNames(root).sort(),
    });
  });

  it("--check says the committed schema is current, and exits 1 once it is not", () => {
    const current = typeflake("options", "sync", "--check", ...overrides());
    expect(current.status, describeRun(["options", "sync", "--check"], current)).toBe(0);
    expect(current.stderr).toContain(".typeflake/options/ is current.");
    const index = join(root, ".typeflake/options/index.json");
    const kept = readFileSync(index, "utf8");
    writeFileSync(index, kept.replace('"homelab.backup.paths": ', '"homelab.backup.pathz": '));
    const stale = typeflake("options", "sync", "--check", ...overrides());
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain(".typeflake/options/ is out of date (index.json); run `typeflake options sync` and commit it.");
    writeFileSync(index, kept);
  });

  it("names a host that is not in the flake", () => {
    const run = typeflake("options", "sync", "--host", "nosuch", ...overrides());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("there is no host `nosuch' in nixosConfigurations (hosts: server)");
  });
});

describe("after the sync", () => {
  it("generate accepts an option only the fleet's own module declares, and nix evaluates it", () => {
    writeFileSync(host(), hostFile(`{ homelab: { backup: { enable: true, paths: ["/srv"] } }, system: { stateVersion: "26.05" } }`));
    const generate = typeflake("generate");
    expect(generate.status, describeRun(["generate"], generate)).toBe(0);
    expect(evalFlakeJson(root, "self: let b = self.nixosConfigurations.server.config.homelab.backup; in { inherit (b) enable paths; }")).toEqual({ enable: true, paths: ["/srv"] });
    expect(tsc().status, `${tsc().stdout}`).toBe(0);
  });

  it("a misspelling is rejected by generate (located, with the right name) and by tsc", () => {
    writeFileSync(host(), hostFile(`{ homelab: { backup: { enabel: true } } }`));
    const generate = typeflake("generate");
    expect(generate.status).toBe(1);
    expect(generate.stderr).toMatch(/hosts\/server\/host\.ts:7:\d+ error nixos\.homelab\.backup\.enabel: .*did you mean `homelab\.backup\.enable'/i);
    const checked = tsc();
    expect(checked.status).not.toBe(0);
    expect(checked.stdout).toMatch(/hosts\/server\/host\.ts\(7,\d+\): error TS\d+: .*'enabel'/);
  });

  it("a renamed option is named with its replacement at generate time, a removed one as removed", () => {
    writeFileSync(host(), hostFile(`{ homelab: { backup: { folders: ["/srv"], cron: "daily" } } }`));
    const generate = typeflake("generate");
    expect(generate.status).toBe(1);
    expect(generate.stderr).toMatch(/nixos\.homelab\.backup\.folders: .*homelab\.backup\.paths/);
    expect(generate.stderr).toMatch(/nixos\.homelab\.backup\.cron: .*removed/);
  });

  it("hover on the option shows the description written in the module", () => {
    const text = hostFile(`{ homelab: { backup: { enable: true } } }`);
    writeFileSync(host(), text);
    const project = new Project({
      tsConfigFilePath: join(root, "tsconfig.json"),
      compilerOptions: { customConditions: ["typeflake-source"] },
    });
    const info = project.getLanguageService().compilerObject.getQuickInfoAtPosition(host(), text.indexOf("enable:") + 1);
    const shown = [info?.documentation, ...(info?.tags ?? []).map((tag) => tag.text)].map((parts) => ts.displayPartsToString(parts ?? [])).join("\n");
    expect(shown).toContain("nightly backups of the folders in homelab.backup.paths");
  });

  it("a damaged fleet index is a located error that names the fix, and nothing is written", () => {
    const index = join(root, ".typeflake/options/index.json");
    const kept = readFileSync(index, "utf8");
    const before = readFileSync(join(root, "hosts/server/default.nix"), "utf8");
    writeFileSync(host(), hostFile(`{ homelab: { backup: { enable: false } } }`));
    writeFileSync(index, kept.replace(/"types": \[\n {4}\[/, '"types": [\n    ["x", {"kind": "list"}],\n    ['));
    const generate = typeflake("generate");
    expect(generate.status).toBe(1);
    expect(generate.stderr).toContain(".typeflake/options/index.json:");
    expect(generate.stderr).toContain("run `typeflake options sync`");
    expect(readFileSync(join(root, "hosts/server/default.nix"), "utf8")).toBe(before);
    writeFileSync(index, kept);
  });
});

describe("typeflake options import", () => {
  it("writes the fleet's .typeflake/options/ by default, and refuses a folder inside the package", () => {
    const options = {
      "services.jellyfin.enable": { type: "boolean", loc: ["services", "jellyfin", "enable"], readOnly: false, description: "Whether to enable Jellyfin." },
      "system.stateVersion": { type: "string", loc: ["system", "stateVersion"], readOnly: false },
    };
    writeFileSync(join(root, "options.json"), JSON.stringify(options));
    const imported = typeflake("options", "import", "options.json");
    expect(imported.status, describeRun(["options", "import"], imported)).toBe(0);
    expect(imported.stdout).toContain("Imported 2 options into .typeflake/options (nixos-options.d.ts, index.json, source.json).");
    expect(JSON.parse(readFileSync(join(root, ".typeflake/options/source.json"), "utf8"))).toMatchObject({
      command: "typeflake options import",
      optionsFile: "options.json",
      optionCount: 2,
    });
    writeFileSync(host(), hostFile(`{ services: { jellyfin: { enable: true } }, system: { stateVersion: "26.05" } }`));
    const generate = typeflake("generate");
    expect(generate.status, describeRun(["generate"], generate)).toBe(0);

    const packageFolder = join(root, "node_modules/typeflake/dsl/nixos-options");
    const before = readdirSync(packageFolder).sort();
    const refused = typeflake("options", "import", "options.json", "--out", "node_modules/typeflake/dsl/nixos-options");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("which typeflake never writes into");
    expect(readdirSync(packageFolder).sort()).toEqual(before);
    expect(existsSync(join(packageFolder, "nixos-options.d.ts"))).toBe(false);
  });
});
