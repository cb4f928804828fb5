/**
 * The locator on its own: object paths resolved to the place they were written, through the
 * shapes people write, with the nearest written place as the fallback.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { error, type Diagnostic, type ObjectPathSegment, type SourceOrigin } from "../../generators/diagnostics/diagnostic.ts";
import { locateDiagnostics, sortDiagnostics } from "../../generators/diagnostics/locate.ts";
import { marked, removeFleet, writeFleet } from "./support/temp-fleet.ts";

/** Source files, each with one `»` where the path below must point. */
const SOURCES: Record<string, { text: string; path: readonly ObjectPathSegment[] }> = {
  "string-key.ts": {
    text: `export default defineHost({\n  services: { samba: { global: { extra: { »"log level": 1 } } } },\n});\n`,
    path: ["services", "samba", "global", "extra", "log level"],
  },
  "numeric-key.ts": {
    text: `export default defineModule({\n  nixos: { ports: { »8080: "web" } },\n});\n`,
    path: ["nixos", "ports", "8080"],
  },
  "array-element.ts": {
    text: `export default defineHost({\n  firewall: {\n    allowedTCPPorts: [\n      22,\n      »0,\n    ],\n  },\n});\n`,
    path: ["firewall", "allowedTCPPorts", 1],
  },
  "after-spread.ts": {
    text: `const base = [22];\nexport default defineHost({\n  firewall: { »allowedTCPPorts: [...base, 0] },\n});\n`,
    path: ["firewall", "allowedTCPPorts", 1],
  },
  "satisfies.ts": {
    text: `export default defineHost({\n  zfs: { »hostId: "xyz" } as const,\n} satisfies object);\n`,
    path: ["zfs", "hostId"],
  },
  "computed-key.ts": {
    text: `export default defineHost({\n  users: { [\`alice\`]: { »uid: -1 } },\n});\n`,
    path: ["users", "alice", "uid"],
  },
  "missing-key.ts": {
    text: `export default defineHost({\n  »deploy: { tags: [] },\n});\n`,
    path: ["deploy", "targetHost"],
  },
  "array-hole.ts": {
    text: `export default defineHost({\n  firewall: { allowedTCPPorts: [22,» , 80] },\n});\n`,
    path: ["firewall", "allowedTCPPorts", 1],
  },
  "computed-bracket.ts": {
    text: `export default defineHost({\n  users: { »["bob"]: { uid: -1 } },\n});\n`,
    path: ["users", "bob"],
  },
  "method.ts": {
    text: `export default defineHost({\n  »async deploy() {},\n});\n`,
    path: ["deploy", "tags"],
  },
  "getter.ts": {
    text: `export default defineHost({\n  »get address() { return null; },\n  set address(value) {},\n});\n`,
    path: ["address"],
  },
  "crlf-parenthesized.ts": {
    text: `// header\r\nconst zfs = { hostId: "x" }!;\r\nexport default (defineHost({\r\n  zfs: { »hostId: 1 },\r\n}));\r\n`,
    path: ["zfs", "hostId"],
  },
  "shebang-no-export.ts": {
    text: `#!/usr/bin/env node\n/** doc */\n»const nas = 1;\n`,
    path: ["address"],
  },
  "no-default-export.ts": {
    text: `»export const nas = defineHost({ address: "x" });\n`,
    path: ["address"],
  },
};

let root = "";
const expected = new Map<string, { line: number; column: number }>();

beforeAll(async () => {
  const files = Object.fromEntries(
    Object.entries(SOURCES).map(([file, { text }]) => {
      const mark = marked(text);
      if (!mark) throw new Error(`${file} has no marker`);
      expected.set(file, { line: mark.line, column: mark.column });
      return [file, mark.text];
    }),
  );
  root = await writeFleet(files);
});
afterAll(() => removeFleet(root));

/** Any diagnostic at `origin`: locating looks at places only. */
const probe = (origin: SourceOrigin, related?: readonly SourceOrigin[]): Diagnostic => error("unknown-key", origin, { key: "x", valid: [] }, related);

describe("locateDiagnostics", () => {
  it.each(Object.keys(SOURCES))("points into %s", async (file) => {
    const source = SOURCES[file];
    const [located] = await locateDiagnostics([probe({ file, objectPath: source?.path ?? [] })], root);
    expect(located?.location).toMatchObject(expected.get(file) ?? {});
    expect(located?.location?.sourceLine).toBeDefined();
  });

  it("locates related places too", async () => {
    const [located] = await locateDiagnostics(
      [probe({ file: "satisfies.ts", objectPath: ["zfs", "hostId"] }, [{ file: "string-key.ts", objectPath: SOURCES["string-key.ts"]?.path ?? [] }])],
      root,
    );
    expect(located?.related?.[0]?.location).toMatchObject(expected.get("string-key.ts") ?? {});
  });

  it("keeps positions already known and adds their source line", async () => {
    const known: Diagnostic = { ...probe({ file: "array-element.ts", objectPath: [] }), location: { line: 4, column: 7 } };
    const [located] = await locateDiagnostics([known], root);
    expect(located?.location).toEqual({ line: 4, column: 7, sourceLine: "      22," });
  });

  it("leaves places in folders and missing files without a position", async () => {
    const located = await locateDiagnostics(
      [probe({ file: "hosts/empty/", objectPath: [] }), probe({ file: "nope.ts", objectPath: ["a"] })],
      root,
    );
    expect(located.map((diagnostic) => diagnostic.location)).toEqual([undefined, undefined]);
  });

  it("is idempotent", async () => {
    const once = await locateDiagnostics([probe({ file: "satisfies.ts", objectPath: ["zfs", "hostId"] })], root);
    expect(await locateDiagnostics(once, root)).toEqual(once);
  });
});

describe("sortDiagnostics", () => {
  it("orders by file, line and column, keeping the order of equals", () => {
    const at = (file: string, line: number, column: number, order: string): Diagnostic => ({
      ...probe({ file, objectPath: [order] }),
      location: { line, column },
    });
    const sorted = sortDiagnostics([at("b.ts", 1, 1, "4"), at("a.ts", 2, 1, "2"), at("a.ts", 1, 5, "1"), at("a.ts", 2, 1, "3")]);
    expect(sorted.map((diagnostic) => diagnostic.origin.objectPath[0])).toEqual(["1", "2", "3", "4"]);
  });
});
