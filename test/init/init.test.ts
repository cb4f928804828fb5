/**
 * `typeflake init`: the scaffold's files, its refusal to overwrite anything, and that it works at
 * once — the generate pipeline on it, its flake evaluated with the stub inputs, and the real
 * `npm install --offline && npm run generate && npm run check` in a folder outside this checkout.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { format } from "prettier";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { registerInitCommand } from "../../generators/cli/commands/init.ts";
import { writePlan } from "../../generators/emit/write.ts";
import { DEFAULT_INIT_OPTIONS, initOptionProblems } from "../../generators/init/init-options.ts";
import { packageName, scaffoldFiles, TYPEFLAKE_ROOT } from "../../generators/init/scaffold.ts";
import { writeScaffold } from "../../generators/init/write-scaffold.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";
import { evalFlakeJson } from "../support/flake-eval.ts";

const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map(removeFleet)));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** An empty folder outside this checkout, removed after the tests. */
const emptyFolder = async (): Promise<string> => {
  const dir = await writeFleet({}, tmpdir());
  cleanup.push(dir);
  return dir;
};

/** Run `typeflake init <args>` in this process; what it printed on stderr. */
const runInit = async (...args: string[]): Promise<string> => {
  const printed: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => printed.push(String(chunk)) > 0);
  const program = new Command("typeflake").exitOverride();
  registerInitCommand(program);
  await program.parseAsync(["node", "typeflake", "init", ...args]);
  vi.restoreAllMocks();
  return printed.join("");
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
    const text = (path: string) => files.find((file) => file.path === path)!.text;
    expect(text(".github/workflows/check.yml")).toContain("      - run: npm ci && npm run check\n");
    expect(text(".gitignore")).toContain("node_modules/\n");
    expect(text("hosts/nas/host.ts")).toContain('hardware: "./hardware.nix",');
  });

  it("depends on this checkout by a relative file: path, and names the package after the folder", async () => {
    const dir = "/srv/fleets/My Lab";
    const files = await scaffoldFiles(dir, DEFAULT_INIT_OPTIONS);
    const manifest = JSON.parse(files.find((file) => file.path === "package.json")!.text) as {
      name: string;
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(manifest.name).toBe("my-lab");
    expect(manifest.scripts).toMatchObject({ generate: "typeflake generate", check: "typeflake generate --check" });
    const spec = manifest.dependencies["typeflake"]!;
    expect(spec).toMatch(/^file:\.\.\//);
    expect(resolve(dir, spec.slice("file:".length))).toBe(resolve(TYPEFLAKE_ROOT));
    expect(packageName("_Weird Name!!")).toBe("weird-name");
    expect(packageName("...")).toBe("fleet");
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
  it("refuses to overwrite anything, and then writes nothing at all", async () => {
    const dir = await emptyFolder();
    await mkdir(join(dir, "hosts/server"), { recursive: true });
    writeFileSync(join(dir, "hosts/server/hardware.nix"), "# mine\n");
    writeFileSync(join(dir, "README.md"), "mine\n");
    const files = await scaffoldFiles(dir, DEFAULT_INIT_OPTIONS);
    expect(await writeScaffold(dir, files)).toEqual({ ok: false, existing: ["README.md", "hosts/server/hardware.nix"] });
    expect(existsSync(join(dir, "package.json"))).toBe(false);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("mine\n");

    const message = await runInit(dir);
    expect(process.exitCode).toBe(1);
    expect(message).toBe(`typeflake init: ${dir} already has README.md, hosts/server/hardware.nix; init never overwrites files, so nothing was written. Choose an empty folder, or move those files away.\n`);
  });

  it("reports invalid options and exits 1", async () => {
    expect(await runInit(await emptyFolder(), "--host", "Bad_Name")).toMatch(/^typeflake init: --host: must be a host name/);
    expect(process.exitCode).toBe(1);
  });
});

describe("a scaffolded fleet", () => {
  it("generates at once, with user text kept intact, and its flake evaluates", async () => {
    const dir = await emptyFolder();
    const description = 'Lab "one" ${x} \\ end';
    expect(await runInit(dir, "--host", "box", "--address", "10.1.2.3", "--description", description)).toContain("created: hosts/box/host.ts\n");
    expect(process.exitCode).toBeUndefined();
    // What `npm install` does for the file: dependency (the real install is tested below).
    await mkdir(join(dir, "node_modules"));
    symlinkSync(TYPEFLAKE_ROOT, join(dir, "node_modules", "typeflake"), "dir");
    const { fleet, plan, diagnostics } = await runPipeline(dir);
    expect(diagnostics).toEqual([]);
    expect(fleet?.config.description).toBe(description);
    expect(plan?.files.map((file) => file.path).sort()).toEqual(["INVENTORY.md", "flake.nix", "hosts/box/default.nix"]);
    expect((await writePlan(dir, plan!)).refused).toEqual([]);
    const values = evalFlakeJson(dir, `self: let c = self.nixosConfigurations.box.config; in { inherit (c.networking) hostName; inherit (c.system) stateVersion; node = self.deploy.nodes.box.hostname; }`);
    expect(values).toEqual({ hostName: "box", stateVersion: "24.11", node: "10.1.2.3" });
  });

  it("installs offline from this checkout and passes `npm run generate` and `npm run check` outside it", async () => {
    const parent = mkdtempSync(join(tmpdir(), "typeflake-init-"));
    try {
      const dir = join(parent, "fleet");
      await runInit(dir);
      expect(process.exitCode).toBeUndefined();
      const npm = (...args: string[]) => spawnSync("npm", args, { cwd: dir, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
      for (const args of [["install", "--offline"], ["run", "generate"], ["run", "check"]]) {
        const result = npm(...args);
        expect(result.status, `npm ${args.join(" ")}:\n${result.stdout}\n${result.stderr}`).toBe(0);
      }
      expect(existsSync(join(dir, "flake.nix"))).toBe(true);
      expect(existsSync(join(dir, "package-lock.json"))).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
