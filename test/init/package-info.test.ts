/**
 * typeflake finds its own package.json (root and version) from wherever its code runs: the
 * sources, or a compiled dist/ folder deeper down that may hold a package.json of its own.
 */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findPackageInfo, TYPEFLAKE_PACKAGE_INFO } from "../../generators/package-info.ts";
import { removeFleet, writeFleet } from "../diagnostics/support/temp-fleet.ts";

const REPOSITORY = resolve(fileURLToPath(new URL("../../", import.meta.url)));
const cleanup: string[] = [];
afterAll(() => Promise.all(cleanup.map(removeFleet)));

describe("typeflake's own package", () => {
  it("is this repository, at the version of its package.json", () => {
    const { version } = JSON.parse(readFileSync(join(REPOSITORY, "package.json"), "utf8")) as { version: string };
    expect(TYPEFLAKE_PACKAGE_INFO).toEqual({ root: REPOSITORY, version });
  });

  it("is the nearest package.json named typeflake above a compiled folder, past any other", async () => {
    const installed = await writeFleet(
      {
        "node_modules/typeflake/package.json": JSON.stringify({ name: "typeflake", version: "1.2.3-beta.1" }),
        "node_modules/typeflake/dist/package.json": JSON.stringify({ type: "module" }),
        "node_modules/typeflake/dist/generators/cli/main.js": "",
        "package.json": JSON.stringify({ name: "my-fleet", version: "9.9.9" }),
      },
      tmpdir(),
    );
    cleanup.push(installed);
    expect(findPackageInfo(join(installed, "node_modules/typeflake/dist/generators/cli"))).toEqual({
      root: join(installed, "node_modules/typeflake"),
      version: "1.2.3-beta.1",
    });
  });

  it("says where it looked when there is none", async () => {
    const folder = await writeFleet({ "package.json": "{ not json", "a/b": null }, tmpdir());
    cleanup.push(folder);
    expect(() => findPackageInfo(join(folder, "a/b"))).toThrow(`no package.json named "typeflake" with a version in ${join(folder, "a/b")} or any parent folder`);
  });
});
