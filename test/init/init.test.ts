/**
 * `typeflake init`: the scaffold's files, its refusal to overwrite anything, and that it works at
 * once — generate, `generate --check` and `tsc --noEmit` on it (typeflake loaded from this
 * repository's sources), and its flake evaluated with the stub inputs. Installing the packed
 * tarball in a folder outside the repository is the packaging suite's end-to-end test.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "prettier";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { registerInitCommand } from "../../generators/cli/commands/init.ts";
import { DEFAULT_INIT_OPTIONS, initOptionProblems } from "../../generators/init/init-options.ts";
import { packageName, scaffoldFiles, type ScaffoldFile } from "../../generators/init/scaffold.ts";
import { SCAFFOLD_TOOLING } from "../../generators/init/scaffold-tooling.ts";
import { writeScaffold } from "../../generators/init/write-scaffold.ts";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { installTypeflake } from "../cli/support/scaffolded-fleet.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { evalFlakeJson } from "../support/flake-eval.ts";
import { runCommand } from "../support/run-command.ts";

const REPOSITORY = fileURLToPath(new URL("../../", import.meta.url));
const ownManifest = (path: string) => JSON.parse(readFileSync(join(REPOSITORY, path), "utf8")) as { version: string };

const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map(removeFleet)));
afterEach(() => {
  process.exitCode = undefined;
});

/** An empty folder under test/.tmp/ (or `parent`), removed after the tests. */
const emptyFolder = async (parent?: string): Promise<string> => {
  const dir = await writeFleet({}, parent);
  cleanup.push(dir);
  return dir;
};

/** Run `typeflake init <args>` in this process; what it printed on stderr. */
// The exit code is also left in process.exitCode, where the CLI leaves it and the tests read it.
const runInit = async (...args: string[]): Promise<string> =>
  (await runCommand([registerInitCommand], ["init", ...args], { setExitCode: (code) => (process.exitCode = code) })).stderr;

const fileText = (files: readonly ScaffoldFile[], path: string): string => {
  const file = files.find((entry) => entry.path === path);
  if (!file) throw new Error(`the scaffold has no ${path}`);
  return file.text;
};

interface Manifest {
  name: string;
  type: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/** `range` is `^x.y.z` and the installed `version` satisfies it (same major, not older). */
const caretAdmits = (range: string, version: string): boolean => {
  const parse = (text: string) => text.split(/[.-]/).slice(0, 3).map(Number);
  if (!range.startsWith("^")) return false;
  const [floor, installed] = [parse(range.slice(1)), parse(version)];
  if (floor[0] !== installed[0]) return false;
  for (let index = 1; index < 3; index++) if (installed[index]! !== floor[index]!) return installed[index]! > floor[index]!;
  return true;
};

describe("the scaffold", () => {
  it("has package.json, tsconfig, the fleet configuration, one host, .gitignore, a CI workflow and a README", async () => {
    const files = await scaffoldFiles("/srv/fleets/My Lab", { ...DEFAULT_INIT_OPTIONS, host: "nas" });
    expect(files.map((file) => file.path)).toEqual([
      ".github/workflows/check.yml",
      ".gitignore",
      "README.md",
      "hosts/nas/hardware.nix",
      "hosts/nas/host.ts",
      "package.json",
      "tsconfig.json",
      "typeflake.config.ts",
    ]);
    expect(fileText(files, "hosts/nas/host.ts")).toContain('hardware: "./hardware.nix",');
  });

  it("depends on typeflake by a caret range of its own version, with TypeScript and Node's types to type-check", async () => {
    const files = await scaffoldFiles("/srv/fleets/My Lab", DEFAULT_INIT_OPTIONS);
    const manifest = JSON.parse(fileText(files, "package.json")) as Manifest;
    expect(manifest.name).toBe("my-lab");
    expect(manifest.type).toBe("module");
    expect(manifest.dependencies).toEqual({ typeflake: `^${ownManifest("package.json").version}` });
    expect(manifest.scripts).toMatchObject({ generate: "typeflake generate", check: "typeflake generate --check", typecheck: "tsc --noEmit" });
    expect(Object.keys(manifest.devDependencies).sort()).toEqual(["@types/node", "typescript"]);
    // The ranges admit the versions this repository installs and tests with: they exist on npm.
    for (const name of ["typescript", "@types/node"]) {
      const installed = ownManifest(`node_modules/${name}/package.json`).version;
      expect(caretAdmits(manifest.devDependencies[name]!, installed), `${name} ${manifest.devDependencies[name]} admits ${installed}`).toBe(true);
    }
    expect(files.filter((file) => /file:|\.\.\/typeflake/.test(file.text)).map((file) => file.path)).toEqual([]);
    expect(packageName("_Weird Name!!")).toBe("weird-name");
    expect(packageName("...")).toBe("fleet");
  });

  it("ignores installed packages, nix results and typeflake's own working files", async () => {
    const lines = fileText(await scaffoldFiles("/srv/fleet", DEFAULT_INIT_OPTIONS), ".gitignore").split("\n");
    for (const entry of ["node_modules/", "result", "result-*", "*.typeflake-tmp-*", ".typeflake/txn/", ".typeflake/lock"]) {
      expect(lines).toContain(entry);
    }
    // The manifest of generated files is committed: --check needs it.
    expect(lines.filter((line) => line === ".typeflake/" || line === ".typeflake")).toEqual([]);
  });

  it("has a CI workflow that installs from the lock file, checks the generated Nix and type-checks", async () => {
    const workflow = fileText(await scaffoldFiles("/srv/fleet", DEFAULT_INIT_OPTIONS), ".github/workflows/check.yml");
    const steps = workflow.slice(workflow.indexOf("    steps:\n"), workflow.indexOf("      - name: typeflake plan"));
    expect(steps).toBe(
      [
        "    steps:",
        "      - uses: actions/checkout@v7",
        "      - uses: actions/setup-node@v7",
        "        with:",
        '          node-version: "26"',
        "          cache: npm",
        "      - run: npm ci",
        "      - run: npx typeflake generate --check",
        "      - run: npx tsc --noEmit",
        "",
      ].join("\n"),
    );
    expect(workflow).not.toMatch(/cannot resolve|file:|check typeflake out/i);
    // On pull requests: the plan against the base branch, posted as a comment.
    expect(workflow).toContain('npx typeflake plan --base "origin/$BASE" --json > plan.json\n');
    expect(workflow).toContain("          BASE: ${{ github.base_ref }}\n");
    expect(workflow).toContain('run: gh pr comment "${{ github.event.pull_request.number }}" --body-file plan.md\n');
  });

  it("type-checks the fleet's files and the option schema it will hold, importing local helpers as .ts", async () => {
    const tsconfig = JSON.parse(fileText(await scaffoldFiles("/srv/fleet", DEFAULT_INIT_OPTIONS), "tsconfig.json")) as {
      compilerOptions: Record<string, unknown>;
      include: string[];
    };
    expect(tsconfig.compilerOptions).toMatchObject({ strict: true, module: "NodeNext", moduleResolution: "NodeNext", noEmit: true, allowImportingTsExtensions: true });
    expect(tsconfig.include).toEqual(["typeflake.config.ts", "hosts", "modules", "overlays", "homes", ".typeflake/**/*.d.ts"]);
  });

  it("has a README naming the files and commands, and saying to lock and commit the flake's inputs", async () => {
    const readme = fileText(await scaffoldFiles("/srv/fleet", { ...DEFAULT_INIT_OPTIONS, host: "nas" }), "README.md");
    for (const text of ["`typeflake.config.ts`", "`hosts/nas/host.ts`", "`hosts/nas/hardware.nix`", "npm run generate", "npm run check", "npm run typecheck", "nix flake lock", "commit flake.lock", "package-lock.json"]) {
      expect(readme).toContain(text);
    }
  });

  it("formats its TypeScript with prettier", async () => {
    const files = await scaffoldFiles("/srv/fleet", DEFAULT_INIT_OPTIONS);
    for (const file of files.filter((entry) => entry.path.endsWith(".ts"))) {
      expect(await format(file.text, { parser: "typescript" })).toBe(file.text);
    }
  });

  it("checks its options with the fleet's own rules", () => {
    expect(initOptionProblems(DEFAULT_INIT_OPTIONS)).toEqual([]);
    expect(initOptionProblems({ host: "My_Host", address: "10.0.0.300", description: " ", system: "x86_64-windows" }).map((problem) => problem.split(":")[0])).toEqual([
      "--host",
      "--address",
      "--system",
      "--description",
    ]);
  });
});

describe("writing the scaffold", () => {
  it("refuses to replace a fleet's file, and then writes nothing at all", async () => {
    const dir = await emptyFolder();
    await mkdir(join(dir, "hosts/server"), { recursive: true });
    writeFileSync(join(dir, "hosts/server/hardware.nix"), "# mine\n");
    writeFileSync(join(dir, "tsconfig.json"), "{}\n");
    writeFileSync(join(dir, "README.md"), "mine\n");
    const files = await scaffoldFiles(dir, DEFAULT_INIT_OPTIONS);
    expect(await writeScaffold(dir, files)).toEqual({ ok: false, reason: "existing", existing: ["hosts/server/hardware.nix", "tsconfig.json"] });
    expect(existsSync(join(dir, "package.json"))).toBe(false);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("mine\n");

    const message = await runInit(dir);
    expect(process.exitCode).toBe(1);
    expect(message).toBe(`typeflake init: ${dir} already has hosts/server/hardware.nix, tsconfig.json; init never replaces a fleet's files, so nothing was written. Choose an empty folder, or move those files away.\n`);
    expect(readdirSync(dir).sort()).toEqual(["README.md", "hosts", "tsconfig.json"]);
  });

  it("turns an npm package (npm init -y) into a fleet: package.json and .gitignore get what it needs, the README is kept", async () => {
    const dir = await emptyFolder();
    const npmInit = { name: "infra", version: "1.0.0", description: "", main: "index.js", scripts: { test: "echo test", check: "make check" }, keywords: [], author: "", license: "ISC", type: "commonjs", devDependencies: { typescript: "^5.9.0" } };
    writeFileSync(join(dir, "package.json"), `${JSON.stringify(npmInit, null, 2)}\n`);
    writeFileSync(join(dir, ".gitignore"), "node_modules/\n.env");
    writeFileSync(join(dir, "README.md"), "# infra\n");
    const printed = await runInit(dir);
    expect(process.exitCode).toBeUndefined();
    expect(printed).toContain("created: typeflake.config.ts\n");
    expect(printed).toContain(
      `updated: package.json ("type": "module" instead of "commonjs", scripts.generate, scripts.typecheck, scripts.inventory, dependencies.typeflake, devDependencies.@types/node; your scripts.check kept (typeflake's would run \`typeflake generate --check\`))\n`,
    );
    expect(printed).toContain("updated: .gitignore (the lines typeflake needs ignored)\n");
    expect(printed).toContain("kept: README.md (yours, as it was)\n");
    const merged = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as typeof npmInit & { dependencies: Record<string, string> };
    expect(Object.keys(merged)).toEqual([...Object.keys(npmInit), "dependencies"]);
    expect([merged.type, merged.scripts, merged.devDependencies.typescript, Object.keys(merged.dependencies)]).toEqual([
      "module",
      { test: "echo test", check: "make check", generate: "typeflake generate", typecheck: "tsc --noEmit", inventory: "typeflake inventory" },
      "^5.9.0",
      ["typeflake"],
    ]);
    const ignored = readFileSync(join(dir, ".gitignore"), "utf8");
    expect(ignored.startsWith("node_modules/\n.env\n\n# typeflake")).toBe(true);
    expect(ignored.split("\n").filter((line) => line === "node_modules/")).toHaveLength(1);
    expect(ignored).toContain("\n*.typeflake-tmp-*\n");
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("# infra\n");
    // A second init finds the fleet's files and writes nothing.
    expect(await runInit(dir)).toContain("init never replaces a fleet's files");
  });

  it("leaves a package.json that has all the fleet needs as it was, byte for byte, and says what of it differs", async () => {
    const dir = await emptyFolder();
    // Hand-formatted (an array on one line): rewriting it would change its layout for nothing.
    const mine = `{
  "name": "infra", "type": "module", "files": ["a", "b"],
  "scripts": { "generate": "typeflake generate", "check": "make check", "typecheck": "tsc --noEmit", "inventory": "typeflake inventory" },
  "dependencies": { "typeflake": "^0.1.0" },
  "devDependencies": { "@types/node": "^22.0.0", "typescript": "^5.9.0" }
}
`;
    writeFileSync(join(dir, "package.json"), mine);
    const printed = await runInit(dir);
    expect(process.exitCode).toBeUndefined();
    expect(printed).toContain("kept: package.json (yours, as it was; your scripts.check kept (typeflake's would run `typeflake generate --check`))\n");
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(mine);
  });

  it("writes nothing when package.json cannot be merged into", async () => {
    const dir = await emptyFolder();
    writeFileSync(join(dir, "package.json"), "{ not json");
    const message = await runInit(dir);
    expect(process.exitCode).toBe(1);
    expect(message).toMatch(/^typeflake init: package\.json is not valid JSON \(.+\), so init cannot add what the fleet needs to it; nothing was written\. Fix package\.json, or choose an empty folder\.\n$/);
    expect(readdirSync(dir)).toEqual(["package.json"]);
  });

  it("writes beside unrelated files already in the folder (a git checkout's LICENSE)", async () => {
    const dir = await emptyFolder();
    writeFileSync(join(dir, "LICENSE"), "mine\n");
    expect(await runInit(dir)).toContain("created: package.json\n");
    expect(process.exitCode).toBeUndefined();
    expect(readFileSync(join(dir, "LICENSE"), "utf8")).toBe("mine\n");
  });

  it("refuses a target that is a file", async () => {
    const dir = await emptyFolder();
    writeFileSync(join(dir, "fleet"), "mine\n");
    expect(await runInit(join(dir, "fleet"))).toBe(`typeflake init: ${join(dir, "fleet")} is a file, not a folder; choose a folder (init creates it when it does not exist).\n`);
    expect(process.exitCode).toBe(1);
    expect(readFileSync(join(dir, "fleet"), "utf8")).toBe("mine\n");
  });

  it("removes what it wrote when a write fails part-way, and keeps what was there", async () => {
    const dir = await emptyFolder();
    // A file where the hosts folder must go: hosts/server/… cannot be created.
    writeFileSync(join(dir, "hosts"), "mine\n");
    const message = await runInit(dir);
    expect(message).toMatch(new RegExp(`^typeflake init: could not write hosts/server/hardware\\.nix in ${dir}: .*; nothing was kept\\. Choose a folder you can write to\\.\\n$`));
    expect(process.exitCode).toBe(1);
    expect(readdirSync(dir).filter((entry) => entry !== ".github")).toEqual(["hosts"]);
    expect(readdirSync(join(dir, ".github/workflows"))).toEqual([]);
    expect(readFileSync(join(dir, "hosts"), "utf8")).toBe("mine\n");
  });

  it("reports invalid options and exits 1", async () => {
    expect(await runInit(await emptyFolder(), "--host", "Bad_Name")).toMatch(/^typeflake init: --host: must be a host name/);
    expect(process.exitCode).toBe(1);
  });

  it("says what to run next, from where the user is", async () => {
    const parent = await emptyFolder();
    const printed = await runInit(relative(process.cwd(), join(parent, "my fleet")));
    expect(printed).toContain("created: .github/workflows/check.yml\n");
    const next = printed.slice(printed.indexOf("\nNext:\n")).split("\n");
    expect(next.slice(0, 4)).toEqual(["", "Next:", `  cd '${relative(process.cwd(), join(parent, "my fleet"))}'`, "  npm install        # then commit package-lock.json: CI runs npm ci"]);
    expect(next.slice(4)).toEqual(["  npm run generate   # writes flake.nix and hosts/*/default.nix", "  nix flake lock     # pins the inputs: commit flake.lock with the rest", ""]);
    expect(await runInit(join(parent, "other"))).toContain(`\nNext:\n  cd ${join(parent, "other")}\n`);
  });
});

describe("a scaffolded fleet", () => {
  it("generates, passes --check and tsc --noEmit at once, keeps user text intact, and its flake evaluates", async () => {
    const dir = await emptyFolder();
    const description = 'Lab "one" ${x} \\ end';
    expect(await runInit(dir, "--host", "box", "--address", "10.1.2.3", "--description", description)).toContain("created: hosts/box/host.ts\n");
    expect(process.exitCode).toBeUndefined();
    await installTypeflake(dir);

    const generate = runTypeflake(["generate"], dir);
    expect(generate.status, describeRun(["generate"], generate)).toBe(0);
    expect(generate.stderr).toContain("created: hosts/box/default.nix\n");
    const check = runTypeflake(["generate", "--check"], dir);
    expect(check.status, describeRun(["generate", "--check"], check)).toBe(0);
    expect(check.stdout).toMatch(/^Generated files are up to date/);
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain(JSON.stringify(description).replaceAll("${", "\\${"));

    // The sources' types through package.json's typeflake-source condition, as this repository's own tsconfig reads them.
    const tsc = spawnSync(process.execPath, [join(REPOSITORY, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", join(dir, "tsconfig.json"), "--customConditions", "typeflake-source"], { encoding: "utf8" });
    expect(tsc.status, `tsc --noEmit:\n${tsc.stdout}${tsc.stderr}`).toBe(0);

    const values = evalFlakeJson(dir, `self: let c = self.nixosConfigurations.box.config; in { inherit (c.networking) hostName; inherit (c.system) stateVersion; node = self.deploy.nodes.box.hostname; }`);
    expect(values).toEqual({ hostName: "box", stateVersion: SCAFFOLD_TOOLING.nixosRelease, node: "10.1.2.3" });
    expect(readFileSync(join(dir, "flake.nix"), "utf8")).toContain(`"github:NixOS/nixpkgs/nixos-${SCAFFOLD_TOOLING.nixosRelease}"`);
  });

  it("is written outside any repository too, where nothing else is around", async () => {
    const dir = await emptyFolder(tmpdir());
    await runInit(join(dir, "fleet"));
    expect(process.exitCode).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, "fleet/package.json"), "utf8")).dependencies.typeflake).toBe(`^${ownManifest("package.json").version}`);
  });
});
