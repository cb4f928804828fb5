/**
 * The one bundle esbuild reads natively: `import.meta` still names the file the user wrote, and
 * every file it compiled is recorded with the hash of its bytes, helpers new to the run included.
 */
import { readdir, readFile, symlink, utimes } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ABSENT } from "../../generators/cache/file-hashes.ts";
import { contentHash } from "../../generators/emit/manifest.ts";
import { setTimeout as sleep } from "node:timers/promises";
import { loadFleetModules, startFleetBundle } from "../../generators/load/fleet-bundle.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";

const fleets: string[] = [];
afterAll(() => Promise.all(fleets.map(removeFleet)));

const fleet = async (): Promise<string> => {
  const root = await writeFleet({
    "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
import { helperFile } from "../../where.ts";
import { idiomDir } from "../../idiom.ts";
import settings from "../../settings.json";
export const hostFile = import.meta.filename;
export const hostDir = import.meta.dirname;
export const commonJs = { dir: __dirname, file: __filename };
export const fromHelper = helperFile;
export const fromIdiom = idiomDir;
export default defineHost({ address: settings.address });
`,
    // The ES module idiom: a file's own __dirname stays its own.
    "idiom.ts": `import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
const __dirname = dirname(fileURLToPath(import.meta.url));
export const idiomDir = __dirname;
`,
    "hosts/beta/host.ts": `import { defineHost } from "typeflake";
export default defineHost({ address: "10.0.0.2" });
`,
    "where.ts": `export const helperFile = new URL(import.meta.url).pathname;\n`,
    "settings.json": `{ "address": "10.0.0.1" }\n`,
  });
  fleets.push(root);
  return root;
};

describe("the fleet's one bundle", () => {
  it("keeps import.meta, __dirname and __filename naming each file the user wrote, in hosts and helpers", async () => {
    const root = await fleet();
    const alpha = join(root, "hosts/alpha/host.ts");
    const { modules } = await loadFleetModules(startFleetBundle(root, [alpha, join(root, "hosts/beta/host.ts")]));
    const loaded = modules.get(alpha);
    expect(loaded?.ok).toBe(true);
    const exports = loaded?.ok ? loaded.exports : {};
    expect(exports).toMatchObject({
      hostFile: alpha,
      hostDir: join(root, "hosts/alpha"),
      commonJs: { dir: join(root, "hosts/alpha"), file: alpha },
      fromHelper: join(root, "where.ts"),
      fromIdiom: root,
    });
  });

  it("records every file it compiled, hashed, though all were written just now and none was known", async () => {
    const root = await fleet();
    const paths = ["hosts/alpha/host.ts", "hosts/beta/host.ts", "where.ts", "idiom.ts", "settings.json"].map((file) => join(root, file));
    const { read } = await loadFleetModules(startFleetBundle(root, paths.slice(0, 2)));
    const expected = await Promise.all(paths.map(async (path) => [path, contentHash(await readFile(path))] as const));
    expect(new Map([...(read?.files ?? [])].filter(([path, hash]) => path.startsWith(root) && hash !== ABSENT))).toEqual(new Map(expected));
  });

  it("records the configuration esbuild reads around every compiled file, present or absent, and what a tsconfig extends", async () => {
    const root = await writeFleet({
      "hosts/alpha/host.ts": `import { defineHost } from "typeflake";\nimport { address } from "@lib/address";\nexport default defineHost({ address });\n`,
      "address.ts": `export const address = "10.0.0.1";\n`,
      "tsconfig.json": `{\n  // the base holds the aliases\n  "extends": ["./tsconfig.base"],\n}\n`,
      "tsconfig.base.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["./*"] } } }\n`,
      "package.json": `{ "type": "module" }\n`,
    });
    fleets.push(root);
    const { read } = await loadFleetModules(startFleetBundle(root, [join(root, "hosts/alpha/host.ts")]));
    const recorded = read?.files ?? new Map<string, string>();
    for (const file of ["tsconfig.json", "tsconfig.base.json", "package.json"]) expect(recorded.get(join(root, file)), file).toBe(contentHash(await readFile(join(root, file))));
    for (const file of ["hosts/alpha/tsconfig.json", "hosts/alpha/jsconfig.json", "hosts/alpha/package.json", "hosts/package.json", "jsconfig.json", "tsconfig.base"]) {
      expect(recorded.get(join(root, file)), file).toBe(ABSENT);
    }
    // Folders above the fleet count too: a tsconfig.json there applies to a fleet without one.
    expect(recorded.get(join(dirname(root), "tsconfig.json"))).toBeDefined();
  });

  it("loads CommonJS among the fleet's files: a .cjs helper and require() in TypeScript, of built-in modules and packages", async () => {
    const root = await writeFleet({
      "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
import { separator } from "../../paths.cjs";
import { own } from "../../own-require.ts";
const { banner } = require("greeting");
export const seen = { separator, banner, own };
export default defineHost({ address: "10.0.0.1" });
`,
      "paths.cjs": `const path = require("node:path");\nmodule.exports = { separator: path.sep };\n`,
      // A file's own binding named require stays its own.
      "own-require.ts": `const require = (name: string): string => \`own \${name}\`;\nexport const own = require("x");\n`,
      "node_modules/greeting/package.json": `{ "name": "greeting", "version": "1.0.0", "main": "index.js" }\n`,
      "node_modules/greeting/index.js": `exports.banner = "from a CommonJS package";\n`,
    });
    fleets.push(root);
    const alpha = join(root, "hosts/alpha/host.ts");
    const loaded = (await loadFleetModules(startFleetBundle(root, [alpha]))).modules.get(alpha);
    expect(loaded).toMatchObject({ ok: true, exports: { seen: { separator: sep, banner: "from a CommonJS package", own: "own x" } } });
  });

  it("compiles a package whose entry is TypeScript (a workspace package, linked into node_modules), which Node cannot load", async () => {
    const root = await writeFleet({
      "hosts/alpha/host.ts": `import { defineHost } from "typeflake";\nimport { address } from "@org/shared";\nexport default defineHost({ address });\n`,
      "packages/shared/package.json": `{ "name": "@org/shared", "version": "1.0.0", "main": "src/index.ts" }\n`,
      "packages/shared/src/index.ts": `export const address: string = "10.0.0.7";\n`,
      "node_modules/@org": null,
    });
    fleets.push(root);
    await symlink(join(root, "packages/shared"), join(root, "node_modules/@org/shared"), "dir");
    // Written an hour ago, as a fleet's files usually are: what the build read is proven unchanged.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const entry of await readdir(root, { recursive: true })) await utimes(join(root, entry), anHourAgo, anHourAgo);
    await utimes(root, anHourAgo, anHourAgo);
    const alpha = join(root, "hosts/alpha/host.ts");
    const { modules, read } = await loadFleetModules(startFleetBundle(root, [alpha]));
    expect(modules.get(alpha)).toMatchObject({ ok: true, exports: { default: { address: "10.0.0.7" } } });
    expect(read?.files.get(join(root, "packages/shared/src/index.ts"))).toBe(contentHash("export const address: string = \"10.0.0.7\";\n"));
  });

  it("loads from the temporary folder, packages included, when the fleet's node_modules cannot be written (read-only, a Nix store link)", async () => {
    const root = await writeFleet({
      "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
import { banner } from "greeting";
import { suffix } from "esm-only";
const again = require("greeting").banner;
export const seen = { banner, suffix, same: again === banner };
export default defineHost({ address: "10.0.0.1" });
`,
      "node_modules/greeting/package.json": `{ "name": "greeting", "version": "1.0.0", "main": "index.js" }\n`,
      "node_modules/greeting/index.js": `exports.banner = "from CommonJS";\n`,
      "node_modules/esm-only/package.json": `{ "name": "esm-only", "version": "1.0.0", "type": "module", "exports": { "import": "./index.js" } }\n`,
      "node_modules/esm-only/index.js": `export const suffix = "from an ES module";\n`,
      // A file where the cache folder would be: nothing can be written under node_modules/.cache.
      "node_modules/.cache": "not a folder\n",
    });
    fleets.push(root);
    const alpha = join(root, "hosts/alpha/host.ts");
    const { modules, read } = await loadFleetModules(startFleetBundle(root, [alpha]));
    expect(modules.get(alpha)).toMatchObject({ ok: true, exports: { seen: { banner: "from CommonJS", suffix: "from an ES module", same: true } } });
    expect(read?.files.get(join(root, "node_modules/greeting/package.json"))).toBeDefined();
  });

  it("compiles what an alias names: tsconfig paths (one shadowing an installed package too) and package.json imports", async () => {
    const root = await writeFleet({
      "hosts/alpha/host.ts": `import { defineHost } from "typeflake";
import { address } from "@lib/address";
import { port } from "#lib/port";
import { greeting } from "greeting";
export const seen = { port, greeting };
export default defineHost({ address });
`,
      "lib/address.ts": `export const address = "10.0.0.1";\n`,
      "lib/port.ts": `export const port = 8080;\n`,
      "lib/greeting.ts": `export const greeting = "from the alias";\n`,
      "tsconfig.json": `{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["./lib/*"], "greeting": ["./lib/greeting.ts"] } } }\n`,
      "package.json": `{ "type": "module", "imports": { "#lib/*": "./lib/*.ts" } }\n`,
      "node_modules/greeting/package.json": `{ "name": "greeting", "version": "1.0.0", "type": "module", "main": "index.js" }\n`,
      "node_modules/greeting/index.js": `export const greeting = "from the package";\n`,
    });
    fleets.push(root);
    const alpha = join(root, "hosts/alpha/host.ts");
    const loaded = (await loadFleetModules(startFleetBundle(root, [alpha]))).modules.get(alpha);
    expect(loaded).toMatchObject({ ok: true, exports: { seen: { port: 8080, greeting: "from the alias" }, default: { address: "10.0.0.1" } } });
  });

  it("keeps esbuild's refusal of a bundle started early for when it is awaited, not an unhandled rejection", async () => {
    const root = await writeFleet({ "hosts/alpha/host.ts": `export default {\n` });
    fleets.push(root);
    const alpha = join(root, "hosts/alpha/host.ts");
    const started = startFleetBundle(root, [alpha]);
    await started.prepared;
    // Long enough for esbuild to refuse the one small file before anything awaits the build.
    await sleep(300);
    const loaded = (await loadFleetModules(started)).modules.get(alpha);
    expect(loaded).toMatchObject({ ok: false, kind: "build" });
  });
});
