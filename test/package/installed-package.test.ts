/**
 * What users get, tried as a new user would, in a folder outside the repository: `npm pack`
 * (which builds dist/ through prepack) → install the tarball → `typeflake init my-fleet` →
 * install the fleet → generate → `generate --check` → `tsc --noEmit`; then a mistake in a host
 * file, a fleet whose package.json is CommonJS with a local `.ts` helper, and the hover docs the
 * TypeScript language service shows for the fields of a host file.
 *
 * The tarball is installed from its file (typeflake is not fetched from a registry); its
 * dependencies come from the npm cache when present (`--prefer-offline`), else from the registry.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { Project, ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importOptionSchema } from "../../generators/options/import-schema.ts";
import { documentedSchemaDefinitions } from "../../generators/schema/documented-schema.ts";
import { schemaDocument } from "../../generators/schema/schema-document.ts";
import { readCacheFile } from "../build/support/code-cache-file.ts";

const REPOSITORY = join(import.meta.dirname, "../..");
const { version } = JSON.parse(readFileSync(join(REPOSITORY, "package.json"), "utf8")) as { version: string };
const NPM_QUIET = ["--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"];

const work = mkdtempSync(join(tmpdir(), "typeflake-package-"));
const fleet = join(work, "my-fleet");
let tarball = "";
let packedFiles: string[] = [];
let scaffoldManifest: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } = {};

const run = (command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> =>
  spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });

const succeed = (command: string, args: readonly string[], cwd: string): string => {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

/** The installed typeflake's bin, as `npx typeflake` runs it. */
const typeflake = (args: readonly string[], cwd = fleet) => run(join(fleet, "node_modules", ".bin", "typeflake"), args, cwd);

/** The fleet's first host: its name, its host.ts, and that file's text to put back after an edit. */
const firstHostFile = () => {
  const host = readdirSync(join(fleet, "hosts"))[0]!;
  const file = join(fleet, "hosts", host, "host.ts");
  return { host, file, original: readFileSync(file, "utf8") };
};

/** `typeflake generate` succeeds, and `host`'s generated Nix has the time zone `zone`. */
const generatesZone = (host: string, zone: string): void => {
  const result = typeflake(["generate"]);
  expect(result.status, result.stderr).toBe(0);
  expect(readFileSync(join(fleet, "hosts", host, "default.nix"), "utf8")).toContain(`time.timeZone = "${zone}";`);
};

/** A host file's text with its time zone taken from `zone`, imported from `from`. */
const withImportedZone = (text: string, from: string): string => `import { zone } from "${from}";\n${text.replace(/timeZone: .*,/, "timeZone: zone,")}`;

/** Every file of the fleet but its node_modules, with a hash of its content. */
const snapshot = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(fleet, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !relative(fleet, entry.parentPath).split("/").includes("node_modules"))
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(fleet, path), createHash("sha256").update(readFileSync(path)).digest("hex")];
      }),
  );

beforeAll(() => {
  const packed = JSON.parse(succeed("npm", ["pack", "--json", "--pack-destination", work, "--loglevel=error"], REPOSITORY)) as [
    { filename: string; files: { path: string }[] },
  ];
  tarball = join(work, packed[0].filename);
  packedFiles = packed[0].files.map((file) => file.path);

  // `npx typeflake init my-fleet`, with typeflake installed from the tarball.
  const tool = join(work, "tool");
  mkdirSync(tool);
  writeFileSync(join(tool, "package.json"), JSON.stringify({ name: "tool", private: true }));
  succeed("npm", ["install", ...NPM_QUIET, tarball], tool);
  succeed(join(tool, "node_modules", ".bin", "typeflake"), ["init", "my-fleet"], work);
  scaffoldManifest = JSON.parse(readFileSync(join(fleet, "package.json"), "utf8")) as typeof scaffoldManifest;

  // `npm install` in the new fleet; typeflake is not on a registry here, so it comes from the tarball.
  succeed("npm", ["install", ...NPM_QUIET, tarball], fleet);
  succeed("git", ["init", "-q"], fleet);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed package", () => {
  it("holds compiled JavaScript, declarations, source maps, runtime data, README and LICENSE, and nothing else", () => {
    expect(packedFiles).toContain("dist/dsl/index.js");
    expect(packedFiles).toContain("dist/dsl/index.d.ts");
    expect(packedFiles).toContain("dist/generators/cli/main.cjs.map");
    expect(packedFiles).toContain("dist/generators/cli/main.cjs");
    expect(packedFiles).toContain("dist/dsl/nixos-options/index.json");
    expect(packedFiles.some((file) => file.startsWith("dist/generators/init/templates/") && file.endsWith(".hbs"))).toBe(true);
    expect(packedFiles).toEqual(expect.arrayContaining(["README.md", "LICENSE", "package.json", "bin/typeflake.mjs"]));
    const unexpected = packedFiles.filter(
      (file) => !/^(dist\/|bin\/|docs\/|README\.md$|LICENSE$|package\.json$)/.test(file) || (/\.ts$/.test(file) && !file.endsWith(".d.ts")),
    );
    expect(unexpected).toEqual([]);
  });

  it("ships the CLI and the DSL as one bundle with its chunks, its ES module entry and its loader, and no list of the build's inputs", () => {
    expect(packedFiles.some((file) => /^dist\/chunks\/.+\.cjs$/.test(file))).toBe(true);
    expect(packedFiles.filter((file) => file.endsWith(".cjs") && !/^dist\/(chunks\/|generators\/cli\/main\.cjs$|dsl\/index\.cjs$)/.test(file))).toEqual([]);
    expect(packedFiles.filter((file) => /\.m?js$/.test(file)).sort()).toEqual(["bin/cache-folder.mjs", "bin/code-cache.mjs", "bin/compiled-modules.mjs", "bin/stale-dist.mjs", "bin/typeflake.mjs", "dist/dsl/index.js"]);
    expect(packedFiles).not.toContain("dist/build-inputs.json");
  });

  it("runs with plain Node: no TypeScript loader among what it installs, only what the bundle leaves out", () => {
    const installed = JSON.parse(readFileSync(join(fleet, "node_modules", "typeflake", "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      exports: Record<string, Record<string, string>>;
    };
    // esbuild (a native binary), ts-morph and prettier's formatter (options import, init), zod (the declarations' types).
    expect(Object.keys(installed.dependencies).sort()).toEqual(["esbuild", "prettier", "ts-morph", "zod"]);
    expect(installed.exports["."]).toMatchObject({ types: "./dist/dsl/index.d.ts", default: "./dist/dsl/index.js" });
    expect(typeflake(["--version"]).stdout.trim()).toBe(version);
  });

  it("lists the DSL's exports beside it, as fleet bundles need them before the DSL is loaded", async () => {
    const dsl = join(fleet, "node_modules", "typeflake", "dist", "dsl");
    const listed = JSON.parse(readFileSync(join(dsl, "export-names.json"), "utf8")) as string[];
    const actual = Object.keys((await import(pathToFileURL(join(dsl, "index.js")).href)) as object);
    expect(listed).toEqual(actual.sort());
  });

  it("prints the JSON Schema with the DSL's doc comments", () => {
    const result = typeflake(["schema", "host"]);
    expect(result.status, result.stderr).toBe(0);
    const schema = JSON.parse(result.stdout) as { $ref: string; $defs: Record<string, { properties: Record<string, { description?: string }> }> };
    expect(schema.$ref).toBe("#/$defs/host");
    expect(schema.$defs["host"]?.properties["address"]?.description).toContain("The address other hosts and the deploy tool reach it at");
  });

  it("prints the schema the sources compute, to the byte (the build computed it once)", () => {
    const result = typeflake(["schema"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${JSON.stringify(schemaDocument(undefined, documentedSchemaDefinitions()), null, 2)}\n`);
  });
});

describe("a new fleet from `typeflake init`", () => {
  it("depends on typeflake by the package's own version range, with typescript and @types/node for the editor", () => {
    expect(scaffoldManifest.dependencies?.["typeflake"]).toBe(`^${version}`);
    expect(Object.keys(scaffoldManifest.devDependencies ?? {}).sort()).toEqual(["@types/node", "typescript"]);
  });

  it("generates, is up to date, and type-checks", () => {
    const generated = typeflake(["generate"]);
    expect(generated.status, generated.stderr).toBe(0);
    expect(readFileSync(join(fleet, "flake.nix"), "utf8")).toContain("nixosConfigurations");
    const checked = typeflake(["generate", "--check"]);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    const tsc = run(join(fleet, "node_modules", ".bin", "tsc"), ["--noEmit"], fleet);
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  });

  it("watches: generates an edit of a host file again, and ends on SIGTERM with exit code 130", async () => {
    const { host, file, original } = firstHostFile();
    const nix = join(fleet, "hosts", host, "default.nix");
    const child = spawn(join(fleet, "node_modules", ".bin", "typeflake"), ["generate", "--watch"], { cwd: fleet, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1", CI: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    const until = async (check: () => boolean) => {
      for (const deadline = Date.now() + 60_000; !check(); await new Promise((resolve) => setTimeout(resolve, 100))) {
        if (Date.now() > deadline) throw new Error(`the watch did not get there within 60 s:\n${stderr}`);
      }
    };
    try {
      await until(() => stderr.includes("Watching for changes"));
      writeFileSync(file, original.replace(/timeZone: .*,/, `timeZone: "Asia/Tokyo",`));
      await until(() => readFileSync(nix, "utf8").includes(`time.timeZone = "Asia/Tokyo";`));
    } finally {
      child.kill("SIGTERM");
      writeFileSync(file, original);
    }
    expect(await exited).toBe(130);
    generatesZone(host, original.match(/timeZone: "([^"]+)"/)![1]!);
  }, 120_000);

  it("turns a folder made with npm init -y, typeflake installed in it, into a fleet that generates and type-checks", () => {
    const infra = join(work, "infra");
    mkdirSync(infra);
    succeed("npm", ["init", "-y", "--loglevel=error"], infra);
    succeed("npm", ["install", ...NPM_QUIET, tarball], infra);
    const bin = join(infra, "node_modules", ".bin", "typeflake");
    const init = run(bin, ["init"], infra);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stderr).toMatch(/^updated: package\.json \("type": "module"/m);
    // The scripts and the type-checking tools init added.
    succeed("npm", ["install", ...NPM_QUIET], infra);
    const generated = run(bin, ["generate"], infra);
    expect(generated.status, generated.stderr).toBe(0);
    const tsc = run(join(infra, "node_modules", ".bin", "tsc"), ["--noEmit"], infra);
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  }, 300_000);

  it("reports a mistake in a host file at its line, exit 1, and writes nothing", () => {
    typeflake(["generate"]);
    const host = readdirSync(join(fleet, "hosts"))[0]!;
    const file = join(fleet, "hosts", host, "host.ts");
    const original = readFileSync(file, "utf8");
    try {
      const broken = original.replace(/address: (.*),/, 'address: $1,\n  modulez: ["common"],');
      writeFileSync(file, broken);
      const before = snapshot();
      const result = typeflake(["generate"]);
      expect(result.status).toBe(1);
      const line = broken.split("\n").findIndex((text) => text.includes("modulez")) + 1;
      expect(result.stderr).toContain(`hosts/${host}/host.ts:${line}:3`);
      expect(result.stderr).toContain('unknown key "modulez"; did you mean "modules"?');
      expect(snapshot()).toEqual(before);
    } finally {
      writeFileSync(file, original);
    }
  });

  it("says esbuild could not run when it cannot (exit 2, no internal error) and writes nothing", () => {
    typeflake(["generate"]);
    // esbuild's documented ESBUILD_BINARY_PATH, at a program that exits at once: as after an
    // install that left out its optional dependency for this platform.
    const broken = join(work, "broken-esbuild");
    writeFileSync(broken, "#!/bin/sh\nexit 3\n", { mode: 0o755 });
    const before = snapshot();
    const result = spawnSync(join(fleet, "node_modules", ".bin", "typeflake"), ["generate", "--no-cache"], {
      cwd: fleet,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", ESBUILD_BINARY_PATH: broken },
    });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^typeflake: esbuild, which typeflake compiles fleet files with, could not run: /);
    expect(result.stderr).not.toContain("internal error");
    expect(snapshot()).toEqual(before);
  });

  it("says so when it has no folder to compile a fleet into (no node_modules above it, TMPDIR not a folder): exit 2, nothing written", () => {
    // A copy of the fleet's own files where no node_modules is above it: bundles go to TMPDIR.
    const loose = join(work, "loose-fleet");
    mkdirSync(loose);
    for (const file of ["typeflake.config.ts", "package.json"]) writeFileSync(join(loose, file), readFileSync(join(fleet, file)));
    const { host, original } = firstHostFile();
    mkdirSync(join(loose, "hosts", host), { recursive: true });
    writeFileSync(join(loose, "hosts", host, "host.ts"), original);
    const notAFolder = join(work, "not-a-folder");
    writeFileSync(notAFolder, "");
    const result = spawnSync(join(fleet, "node_modules", ".bin", "typeflake"), ["generate", "-C", loose], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", TMPDIR: notAFolder },
    });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toBe(
      `typeflake: no folder to compile the fleet's files into: the temporary folder ${notAFolder} cannot be written (ENOTDIR); set TMPDIR to a folder that exists and can be written\n`,
    );
    expect(readdirSync(loose).sort()).toEqual(["hosts", "package.json", "typeflake.config.ts"]);
  });

  it("loads TypeScript fleet files and local .ts helpers whatever the fleet's package.json says", () => {
    const manifestPath = join(fleet, "package.json");
    const manifest = readFileSync(manifestPath, "utf8");
    const { host, file, original } = firstHostFile();
    try {
      const { type: _type, ...commonJs } = JSON.parse(manifest) as Record<string, unknown>;
      writeFileSync(manifestPath, JSON.stringify(commonJs, null, 2));
      writeFileSync(join(fleet, "hosts", host, "zone.ts"), 'export const zone: string = "Europe/Berlin";\n');
      writeFileSync(file, withImportedZone(original, "./zone.ts"));
      generatesZone(host, "Europe/Berlin");
    } finally {
      writeFileSync(manifestPath, manifest);
      writeFileSync(file, original);
      rmSync(join(fleet, "hosts", host, "zone.ts"));
      typeflake(["generate"]);
    }
  });
});

describe("a fleet's tsconfig, in the installed package", () => {
  it("compiles what a paths alias of the tsconfig it extends names, and sees the next edit of that base", () => {
    const tsconfigPath = join(fleet, "tsconfig.json");
    const tsconfig = readFileSync(tsconfigPath, "utf8");
    const { host, file, original } = firstHostFile();
    const base = join(fleet, "tsconfig.base.json");
    const zones = join(fleet, "zones");
    try {
      mkdirSync(zones);
      writeFileSync(join(zones, "berlin.ts"), 'export const zone: string = "Europe/Berlin";\n');
      writeFileSync(join(zones, "lisbon.ts"), 'export const zone: string = "Europe/Lisbon";\n');
      writeFileSync(base, '{\n  // the aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@zone": ["./zones/berlin.ts"] } },\n}\n');
      writeFileSync(tsconfigPath, JSON.stringify({ ...JSON.parse(tsconfig), extends: "./tsconfig.base.json" }, null, 2));
      writeFileSync(file, withImportedZone(original, "@zone"));
      generatesZone(host, "Europe/Berlin");
      writeFileSync(base, readFileSync(base, "utf8").replace("berlin", "lisbon"));
      generatesZone(host, "Europe/Lisbon");
    } finally {
      writeFileSync(tsconfigPath, tsconfig);
      writeFileSync(file, original);
      rmSync(base);
      rmSync(zones, { recursive: true });
      typeflake(["generate"]);
    }
  });
});

describe("what a fleet file reads itself, in the installed package", () => {
  it("sees the next edit of a file a host reads and of an environment variable it reads: neither is a stale record", () => {
    const { host, file, original } = firstHostFile();
    const zoneFile = join(fleet, "zone.txt");
    const readsZone = `import { readFileSync } from "node:fs";\nconst zone = process.env["FLEET_ZONE"] ?? readFileSync(new URL("../../zone.txt", import.meta.url), "utf8").trim();\n`;
    try {
      writeFileSync(zoneFile, "Europe/Berlin\n");
      writeFileSync(file, readsZone + original.replace(/timeZone: .*,/, "timeZone: zone,"));
      generatesZone(host, "Europe/Berlin");
      writeFileSync(zoneFile, "Europe/Lisbon\n");
      generatesZone(host, "Europe/Lisbon");
      process.env["FLEET_ZONE"] = "Asia/Tokyo";
      generatesZone(host, "Asia/Tokyo");
    } finally {
      delete process.env["FLEET_ZONE"];
      writeFileSync(file, original);
      rmSync(zoneFile);
      typeflake(["generate"]);
    }
  });
});

describe("the installed package's compiled modules and their code cache", () => {
  const cacheFolder = join(fleet, "node_modules", ".cache", "typeflake");
  /** The code cache of the installed build, for this Node and processor: there is one. */
  const cacheFile = (): string => {
    const files = readdirSync(cacheFolder).filter((name) => name.startsWith("code-") && name.endsWith(`-${process.version}-${process.arch}.bin`));
    expect(files).toHaveLength(1);
    return join(cacheFolder, files[0]!);
  };
  beforeAll(() => {
    const generated = typeflake(["generate"]);
    if (generated.status !== 0) throw new Error(`generate exited ${generated.status}:\n${generated.stderr}`);
  });

  it("caches what V8 compiled in the fleet's node_modules/.cache, and the next run takes it as it is", () => {
    const first = typeflake(["generate", "--check"]);
    expect(first.status, first.stderr).toBe(0);
    const cached = readFileSync(cacheFile());
    const again = typeflake(["generate", "--check"]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    // Written again only for a module compiled without usable cached code: none was.
    expect(readFileSync(cacheFile())).toEqual(cached);
    // typeflake's own modules, and esbuild's main file (its require is the loader's).
    const names = readCacheFile(cached).entries.map(({ name }) => name);
    expect(names).toContain("generators/cli/main.cjs");
    expect(names.some((name) => name.endsWith("/esbuild/lib/main.js"))).toBe(true);
  });

  it("runs as without a cache when the cache file is damaged, cut short or garbage, and makes it anew", () => {
    const expected = typeflake(["generate", "--check"]);
    const whole = readFileSync(cacheFile());
    const mainStart = readCacheFile(whole).entries.find(({ name }) => name === "generators/cli/main.cjs")?.start ?? 0;
    const flipped = Buffer.from(whole);
    // Inside the cached code of the module every run compiles first.
    for (let index = mainStart + 100; index < mainStart + 356; index++) flipped[index] = (flipped[index] ?? 0) ^ 0x5a;
    for (const damaged of [flipped, whole.subarray(0, whole.length - 1000), Buffer.from("not a cache")]) {
      writeFileSync(cacheFile(), damaged);
      const result = typeflake(["generate", "--check"]);
      expect(result.status, result.stderr).toBe(0);
      expect([result.stdout, result.stderr]).toEqual([expected.stdout, expected.stderr]);
      expect(readFileSync(cacheFile()).equals(damaged)).toBe(false);
    }
  });

  it("gives a fleet's `import … from \"typeflake\"` the modules the CLI runs: one DSL, one zod", () => {
    const loader = pathToFileURL(join(fleet, "node_modules", "typeflake", "bin", "compiled-modules.mjs")).href;
    const probe = join(fleet, "same-instance.mjs");
    writeFileSync(
      probe,
      `const { loadCompiled } = await import(${JSON.stringify(loader)});\nconst running = loadCompiled("dsl/index.cjs");\nconst imported = await import("typeflake");\nconsole.log(running.defineHost === imported.defineHost && running.nix === imported.nix);\n`,
    );
    try {
      expect(succeed(process.execPath, [probe], fleet).trim()).toBe("true");
    } finally {
      rmSync(probe);
    }
  });
});

describe("hover docs in the editor (TypeScript's language service, as the editor runs it)", () => {
  const SAMPLE = `import { defineHost, samba, openssh } from "typeflake";

export default defineHost({
  address: "10.0.20.10",
  hardware: "./hardware.nix",
  modules: [],
  deploy: { tags: ["storage"] },
  firewall: { allowedTCPPorts: [22], trustedInterfaces: ["wg0"] },
  users: { alice: { extraGroups: ["wheel"], sshKeys: [] } },
  services: {
    openssh: openssh(),
    samba: samba({ global: { security: "user", workgroup: "HOME" }, shares: { media: { path: "/tank/media", readOnly: true } } }),
  },
});
`;
  /** Field → a phrase of its doc comment in typeflake's sources. */
  const FIELDS: Record<string, string> = {
    address: "The address other hosts and the deploy tool reach it at",
    hardware: "Hand-kept hardware configuration",
    modules: "Shared modules from",
    deploy: "How this host is deployed",
    firewall: "Firewall ports beyond those services open",
    allowedTCPPorts: "TCP ports to open beyond those the host's services open",
    trustedInterfaces: "Interfaces whose traffic is fully trusted",
    extraGroups: "Supplementary groups",
    sshKeys: "SSH public keys allowed to log in as this user",
    services: "Typed services",
    security: "how clients authenticate",
    workgroup: "the NT domain or workgroup name",
    readOnly: "",
  };

  it(`shows typeflake's doc comment for each of ${Object.keys(FIELDS).length} fields of a host file`, () => {
    const sample = join(fleet, "hosts", "hover", "host.ts");
    mkdirSync(join(fleet, "hosts", "hover"), { recursive: true });
    writeFileSync(sample, SAMPLE);
    try {
      const project = new Project({ tsConfigFilePath: join(fleet, "tsconfig.json") });
      const service = project.getLanguageService().compilerObject;
      const shown = Object.fromEntries(
        Object.keys(FIELDS).map((field) => {
          const info = service.getQuickInfoAtPosition(sample, SAMPLE.indexOf(`${field}:`) + 1);
          return [field, ts.displayPartsToString(info?.documentation ?? [])];
        }),
      );
      for (const [field, phrase] of Object.entries(FIELDS)) {
        expect(shown[field], `hover on ${field}`).not.toBe("");
        expect(shown[field], `hover on ${field}`).toContain(phrase);
      }
      expect(ts.version).toMatch(/^6\./);
    } finally {
      rmSync(join(fleet, "hosts", "hover"), { recursive: true, force: true });
    }
  });
});

describe("a fleet's own option schema in the installed package's editor", () => {
  /** The fleet form of a tiny schema, as `typeflake options import` writes it into `.typeflake/options/`. */
  const schema = importOptionSchema({
    options: {
      name: "options.json",
      json: {
        "homelab.backup.enable": { type: "boolean", description: "Whether to back up the homelab." },
        "services.openssh.enable": { type: "boolean" },
        // The scaffold's host sets it.
        "system.stateVersion": { type: "string" },
      },
    },
    expressionsImport: "typeflake",
    target: "fleet",
    provenance: { origin: { kind: "import", file: "options.json" }, typeflakeVersion: version },
  });

  it("replaces the shipped schema for tsc: the fleet's own option is typed, a misspelling and an option it lacks are not", () => {
    if (!schema.ok) throw new Error(JSON.stringify(schema.problems));
    const folder = join(fleet, ".typeflake", "options");
    const host = join(fleet, "hosts", "own-schema", "host.ts");
    mkdirSync(folder, { recursive: true });
    mkdirSync(join(fleet, "hosts", "own-schema"), { recursive: true });
    writeFileSync(join(folder, "nixos-options.d.ts"), schema.value.files["nixos-options.d.ts"] ?? "");
    const tsc = (nixos: string) => {
      writeFileSync(
        host,
        `import { defineHost, mkForce } from "typeflake";\n\nexport default defineHost({ address: "10.0.0.9", nixos: ${nixos} });\n`,
      );
      const result = run(join(fleet, "node_modules", ".bin", "tsc"), ["--noEmit"], fleet);
      return { status: result.status, output: result.stdout + result.stderr };
    };
    try {
      // The JSON Schema leaves `nixos` to any option value: it is the same with the fleet's own option schema.
      expect(typeflake(["schema"]).stdout).toBe(`${JSON.stringify(schemaDocument(undefined, documentedSchemaDefinitions()), null, 2)}\n`);
      expect(tsc("{ homelab: { backup: { enable: mkForce(true) } }, services: { openssh: { enable: true } } }")).toEqual({ status: 0, output: "" });
      const misspelt = tsc("{ homelab: { backup: { enabel: true } } }");
      expect(misspelt.status).not.toBe(0);
      expect(misspelt.output).toContain("'enabel' does not exist");
      const shippedOnly = tsc('{ networking: { hostName: "nas" } }');
      expect(shippedOnly.output).toContain("'networking' does not exist");
      expect(tsc('{ homelab: { backup: { enable: mkForce("yes") } } }').output).toContain("is not assignable");
    } finally {
      rmSync(join(fleet, ".typeflake", "options"), { recursive: true, force: true });
      rmSync(join(fleet, "hosts", "own-schema"), { recursive: true, force: true });
    }
  });
});
