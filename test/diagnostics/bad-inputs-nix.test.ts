/**
 * Bad inputs at the Nix level (issue 14, part A): raw fragments that do not parse, values Nix
 * cannot hold, nesting and cycles. Each case is a small fleet on disk run through the whole
 * pipeline (load, validate, later checks with the real nix-instantiate, plan); `»` marks where
 * the one diagnostic must point. Every case asserts code, file:line:col, message, that no plan is
 * made (the CLI's exit 1) and that the fleet folder is unchanged.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import { locateDiagnostics } from "../../generators/diagnostics/locate.ts";
import { runPipeline } from "../../generators/pipeline.ts";
import { describeRun, runTypeflake } from "../cli/support/typeflake-process.ts";
import { BASE_FLEET, hostFile } from "./support/fleet-text.ts";
import { summarize } from "./support/summary.ts";
import { marked, removeFleet, writeFleet, type FleetFiles } from "./support/temp-fleet.ts";

interface Case {
  readonly name: string;
  readonly files: FleetFiles;
  readonly code: string;
  /** The object path as printed. */
  readonly path: string;
  readonly message: string;
}

const NAMES = "defineHost, host, mkIf, mkMerge, mkOverride, nix, nixString, nfs, pkg, samba";
const nas = (body: string): FleetFiles => ({ "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n${body}`, NAMES) });

/** `{ a: { a: … 1 … } }` nested `depth` levels, with `»` before the key at `markAt` (1-based). */
const nested = (depth: number, markAt: number): string =>
  Array.from({ length: depth }, (_, index) => `{ ${index + 1 === markAt ? "»" : ""}a: `).join("") + "1" + " }".repeat(depth);

const CASES: readonly Case[] = [
  {
    name: "raw fragment with an unclosed set",
    files: nas("  nixos: { environment: { systemPackages: [»nix`pkgs.htop {`] } },"),
    code: "raw-nix-syntax",
    path: "nixos.environment.systemPackages[0]",
    message: "(nix-instantiate --parse): syntax error, unexpected end of file, at line 1, column 11 of the fragment",
  },
  {
    name: "raw fragment: if without else, on its third line",
    files: nas('  nixos: { networking: { »domain: nix`\n    if true\n    then "a"` } },'),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: 'expecting ELSE, at line 3, column 12 of the fragment ("    then \\"a\\"")',
  },
  {
    name: "raw fragment that is two expressions",
    files: nas("  nixos: { networking: { »domain: nix`\"a\") (\"b\"` } },"),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "syntax error, unexpected ')'",
  },
  {
    // The printer refuses it too: its copy, at the definition and without a path, is not reported beside this one.
    name: "an empty raw fragment",
    files: nas("  nixos: { networking: { »domain: nix`` } },"),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "syntax error, unexpected end of file",
  },
  {
    name: "raw fragment with a lone carriage return",
    files: nas("  nixos: { networking: { »domain: nix`1\\r+ 2` } },"),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "it has a carriage return that is not part of a CRLF line break",
  },
  {
    name: "raw fragment that is a binding, not an expression",
    files: nas("  nixos: { networking: { »domain: nix`x = 1;` } },"),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "syntax error",
  },
  {
    name: "raw fragment with an unclosed interpolation",
    files: nas('  nixos: { networking: { »domain: nix`"a\\${b"` } },'),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "unexpected end of file",
  },
  {
    name: "raw fragment ending in a # comment (it would swallow the ;)",
    files: nas("  nixos: { networking: { »domain: nix`\"x\" # the domain` } },"),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "it ends with a # comment, which would swallow the ';' or ')' written after the fragment",
  },
  {
    name: "raw fragment inside mkOverride",
    files: nas("  nixos: { networking: { »domain: mkOverride(900, nix`let a = 1; a`) } },"),
    code: "raw-nix-syntax",
    path: "nixos.networking.domain",
    message: "unexpected end of file",
  },
  {
    name: "NUL in a raw nixos string",
    files: nas('  nixos: { networking: { »domain: "lab\\u0000local" } },'),
    code: "nul-character",
    path: "nixos.networking.domain",
    message: "contains a NUL character (\\u0000) at index 3, which Nix strings cannot hold",
  },
  {
    name: "NUL in an NFS export path",
    files: nas('  services: { nfs: nfs({ exports: [{ »path: "/tank/a\\u0000b", clients: [{ host: "10.0.20.0/24", options: ["ro"] }] }] }) },'),
    code: "nul-character",
    path: "services.nfs.exports[0].path",
    message: "NUL character",
  },
  {
    name: "lone surrogate in a Samba share comment",
    files: nas('  services: { samba: samba({ shares: { media: { path: "/tank/media", »comment: "half \\ud83d" } } }) },'),
    code: "lone-surrogate",
    path: "services.samba.shares.media.comment",
    message: "contains a lone UTF-16 surrogate (\\uD83D) at index 5",
  },
  {
    name: "lone surrogate in an attribute name",
    files: nas('  nixos: { environment: { etc: { »"x\\udc00": { text: "y" } } } },'),
    code: "lone-surrogate",
    path: 'nixos.environment.etc."x\\udc00"',
    message: 'the attribute name "x\\udc00" contains a lone UTF-16 surrogate',
  },
  {
    name: "NUL in a raw fragment",
    files: nas("  nixos: { networking: { »domain: nix`\"a\\u0000\"` } },"),
    code: "nul-character",
    path: "nixos.networking.domain",
    message: "NUL character",
  },
  {
    name: "a function interpolated into nix`…` (no schema parses expressions' values)",
    files: nas("  nixos: { networking: { »domain: nix`${(() => 1) as never}` } },"),
    code: "invalid-value",
    path: "nixos.networking.domain",
    message: "holds a function inside a typeflake expression",
  },
  {
    name: "undefined inside mkForce",
    files: nas("  nixos: { networking: { »domain: mkOverride(50, undefined as never) } },"),
    code: "invalid-value",
    path: "nixos.networking.domain",
    message: "holds undefined inside a typeflake expression",
  },
  {
    name: "integer beyond 64 bits",
    files: nas("  nixos: { boot: { kernel: { sysctl: { »\"vm.max\": 99999999999999999999 } } } },"),
    code: "integer-out-of-range",
    path: 'nixos.boot.kernel.sysctl."vm.max"',
    message: "is the integer 100000000000000000000, outside Nix's signed 64-bit integers (-9223372036854775808 to 9223372036854775807)",
  },
  {
    name: "a list with an empty slot",
    files: nas('  nixos: { boot: { kernelModules: ["kvm",» , "tun"] } },'),
    code: "sparse-array",
    path: "nixos.boot.kernelModules[1]",
    message: "is an empty slot in a list (index 1, as in `[a, , b]`), and Nix lists have no gaps",
  },
  {
    // The schema would visit every slot up to the length: the file is not parsed any further.
    name: "a list of a billion empty slots, built at run time",
    files: nas("  nixos: { boot: { »kernelModules: new Array(1e9) as never } },"),
    code: "sparse-array",
    path: "nixos.boot.kernelModules[0]",
    message: "is an empty slot in a list (index 0, as in `[a, , b]`)",
  },
  {
    name: "a list with an element at the last index an array can have",
    files: nas('  nixos: { boot: { »kernelModules: (() => { const modules = ["kvm"]; modules[2 ** 32 - 2] = "tun"; return modules as never; })() } },'),
    code: "sparse-array",
    path: "nixos.boot.kernelModules[1]",
    message: "is an empty slot in a list (index 1, as in `[a, , b]`)",
  },
  {
    // Neither the walk nor the schema goes through its hundred million keys.
    name: "a typed array of a hundred million bytes",
    files: nas("  nixos: { environment: { »etc: new Uint8Array(1e8) as never } },"),
    code: "binary-data",
    path: "nixos.environment.etc",
    message: "is a Uint8Array object, binary data, which Nix cannot hold; write it as a string (base64, hex) or an array of numbers",
  },
  {
    name: "a Date where a string belongs, named as what it is",
    files: nas("  »timeZone: new Date(0) as never,"),
    code: "invalid-type",
    path: "timeZone",
    message: "got a Date object",
  },
  {
    // The entry sets the prototype: `motd` is inherited, and zod would have seen an empty set.
    name: 'a quoted "__proto__" entry in a nixos block, whose entries would be lost',
    files: nas('  nixos: { environment: { »etc: { "__proto__": { motd: { text: "x" } } } } },'),
    code: "invalid-value",
    path: "nixos.environment.etc",
    message: 'must be an object literal whose entries are its own, got an object whose prototype its "__proto__" entry set (write ["__proto__"]: … for a key of that name)',
  },
  {
    name: 'a quoted "__proto__" entry in a record of the schema',
    files: nas('  »users: { "__proto__": { alice: {} } } as never,'),
    code: "invalid-value",
    path: "users",
    message: 'got an object whose prototype its "__proto__" entry set',
  },
  {
    // Only a cast gets a helper's parameter wrong; every later stage reads it, so it is refused first.
    name: "mkMerge of a string, through a cast",
    files: nas('  nixos: { networking: { »domain: mkMerge("lab" as never) } },'),
    code: "invalid-expression",
    path: "nixos.networking.domain",
    message: 'must be mkMerge([…]) of a list, such as mkMerge([{ a: 1 }, { b: 2 }]), got "lab"',
  },
  {
    // The helper keeps what it cannot read, so the value is reported where it is, not as a TypeError at pkg's own line.
    name: "pkg of null, through a cast",
    files: nas("  packages: [»pkg(null as never)],"),
    code: "invalid-expression",
    path: "packages[0]",
    message: 'must be pkg("…") of a string, got null',
  },
  {
    name: "nix called as a plain function, not a template tag",
    files: nas('  nixos: { networking: { »domain: (nix as any)("lab") } },'),
    code: "invalid-expression",
    path: "nixos.networking.domain",
    message: 'must be nix`…`, got "lab"',
  },
  {
    // Not "open port 65536 in the firewall", which the firewall check said before: no URL has that port.
    name: "host(…).port(65536)",
    files: nas('  nixos: { networking: { »domain: host("nas").port(65536) } },'),
    code: "invalid-expression",
    path: "nixos.networking.domain",
    message: 'must be host("…").port(port) of a port number (an integer from 1 to 65535), such as host("nas").port(3000), got 65536',
  },
  {
    name: "host(…).port(…) with a scheme that is none",
    files: nas('  nixos: { networking: { »domain: host("nas").port(80, "ht tp") } },'),
    code: "invalid-expression",
    path: "nixos.networking.domain",
    message: 'of a URL scheme: a letter then letters, digits, + . or -, such as "https", got "ht tp"',
  },
  {
    // `lib.mkIf "yes" x` fails to evaluate in NixOS: the condition must be a Boolean.
    name: "mkIf with a string for its condition",
    files: nas('  nixos: { networking: { »domain: mkIf("yes", "lab") } },'),
    code: "invalid-expression",
    path: "nixos.networking.domain",
    message: 'must be mkIf(condition, …) of true, false or raw Nix that evaluates to one, such as mkIf(nix`config.services.nginx.enable`, …), got "yes"',
  },
  {
    name: "mkOverride with a string for its priority",
    files: nas('  nixos: { networking: { »domain: mkOverride("50" as never, "lab") } },'),
    code: "invalid-expression",
    path: "nixos.networking.domain",
    message: 'must be mkOverride(priority, …) of a number such as 50 (mkForce) or 1000 (mkDefault), the lower winning, got "50"',
  },
  {
    name: "mkOverride(NaN, …)",
    files: nas('  nixos: { networking: { »domain: mkOverride(NaN, "lab") } },'),
    code: "non-finite-number",
    path: "nixos.networking.domain",
    message: "is the number NaN, which Nix cannot write",
  },
  {
    // Nix 2.8 refuses the literal ("invalid float"): reported where it is written, not at the definition.
    name: "a subnormal float",
    files: nas("  nixos: { services: { caddy: { settings: { »tiny: -5e-324 } } } },"),
    code: "subnormal-float",
    path: "nixos.services.caddy.settings.tiny",
    message: "is the float -5e-324, closer to 0 than 2.2250738585072014e-308, the smallest float Nix reads back (it refuses subnormal numbers); use 0, or a string",
  },
  {
    name: "a subnormal float inside raw Nix",
    files: nas("  nixos: { networking: { »domain: nix`${1e-310}` } },"),
    code: "subnormal-float",
    path: "nixos.networking.domain",
    message: "is the float 1e-310",
  },
  {
    name: "a set nested 1,000 deep, written in the host file",
    files: nas(`  nixos: { environment: { etc: ${nested(1000, 98)} } },`),
    code: "too-deep",
    path: `nixos.environment.etc${".a".repeat(98)}`,
    message: "is nested more than 100 levels deep",
  },
  {
    // JavaScript itself cannot load it (V8 overflows compiling the literal): reported at the
    // definition, and the locator does not overflow reading the file.
    name: "a set nested 5,000 deep, written in the host file",
    files: {
      "hosts/nas/host.ts": `import { defineHost } from "typeflake";\n\nexport default »defineHost({\n  address: "10.0.20.10",\n  nixos: { environment: { etc: ${nested(5000, 0)} } },\n});\n`,
    },
    code: "load-error",
    path: "",
    message: "cannot be loaded: JavaScript ran out of stack (Maximum call stack size exceeded); a value nested thousands of levels deep",
  },
  {
    name: "a set nested 5,000 deep, built at run time (not a cycle)",
    files: nas("  nixos: { environment: { »etc: (() => { let v: unknown = 1; for (let i = 0; i < 5000; i++) v = { a: v }; return v as never; })() } },"),
    code: "too-deep",
    path: `nixos.environment.etc${".a".repeat(98)}`,
    message: "is nested more than 100 levels deep",
  },
  {
    name: "a value that contains itself",
    files: nas("  nixos: { environment: { »etc: (() => { const v: Record<string, unknown> = {}; v[\"self\"] = v; return v as never; })() } },"),
    code: "cyclic-value",
    path: "nixos.environment.etc.self",
    message: "contains itself: it is the same object as nixos.environment.etc",
  },
];

/** Every file under `root` with its text, to prove a failed run leaves the folder as it was. */
const snapshot = async (root: string): Promise<Record<string, string>> => {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(file, "utf8")] as const)));
};

describe("bad inputs at the Nix level", () => {
  const roots: string[] = [];
  afterAll(() => Promise.all(roots.map(removeFleet)));

  it.concurrent.each(CASES.map((testCase) => [testCase.name, testCase] as const))("%s", async (_, testCase) => {
    const files: Record<string, string | null | undefined> = { ...BASE_FLEET, ...testCase.files };
    const [markedPath, markedText] = Object.entries(files).find(([, text]) => typeof text === "string" && text.includes("»"))!;
    const mark = marked(markedText as string)!;
    files[markedPath] = mark.text;
    const root = await writeFleet(files);
    roots.push(root);
    const before = await snapshot(root);

    const result = await runPipeline(root);

    expect(result.plan).toBeUndefined();
    const errors = (await locateDiagnostics(result.diagnostics, root)).filter((d) => d.severity === "error");
    const summary = summarize(errors);
    expect(summary).toHaveLength(1);
    const [found] = summary;
    expect(found?.code).toBe(testCase.code);
    expect(found?.path).toBe(testCase.path);
    expect(found?.message).toContain(testCase.message);
    expect(found?.at).toBe(`${markedPath}:${mark.line}:${mark.column}`);
    expect(await snapshot(root)).toEqual(before);
  });

  it("the CLI exits 1 on a broken raw fragment, writes nothing, and --check does not call the output up to date", async () => {
    const root = await writeFleet({ ...BASE_FLEET, ...nas("  nixos: { environment: { systemPackages: [nix`pkgs.htop {`] } },") });
    roots.push(root);
    const before = await snapshot(root);
    for (const args of [["generate"], ["generate", "--check"]]) {
      const run = runTypeflake(args, root);
      expect(run.status, describeRun(args, run)).toBe(1);
      expect(run.stderr).toContain("hosts/nas/host.ts:5:44 error nixos.environment.systemPackages[0]: the nix`…` fragment is not one valid Nix expression");
      expect(run.stderr).not.toContain("internal error");
    }
    expect(await snapshot(root)).toEqual(before);
  });

  /** The errors of the base fleet with `body` in hosts/nas/host.ts, and the host's generated Nix. */
  const generatedHost = async (body: string): Promise<{ errors: Diagnostic[]; text: string }> => {
    const root = await writeFleet({ ...BASE_FLEET, ...nas(body) });
    roots.push(root);
    const { plan, diagnostics } = await runPipeline(root);
    return { errors: diagnostics.filter((d) => d.severity === "error"), text: plan?.files.find((file) => file.path === "hosts/nas/default.nix")?.text ?? "" };
  };

  it("keeps an attribute named __proto__ in a nixos block", async () => {
    const { errors, text } = await generatedHost('  nixos: { environment: { etc: { ["__proto__"]: { text: "x" }, motd: { text: "y" } } } },');
    expect(errors).toEqual([]);
    expect(text).toContain('__proto__.text = "x";');
    expect(text).toContain('motd.text = "y";');
  });

  it("takes host(…) inside nixString and mkOverride: its port method is no value Nix would have to hold", async () => {
    const { errors, text } = await generatedHost('  nixos: { networking: { domain: mkOverride(10, nixString`${host("nas")}`), search: mkOverride(10, [host("nas")]) } },');
    expect(errors).toEqual([]);
    expect(text).toContain('"10.0.20.10"');
  });

  it("takes an object made by a class as the plain object of its fields (only binary data is refused)", async () => {
    const share = "class Share { readonly readOnly = true; constructor(readonly path: string) {} }";
    const [classMade, plain] = await Promise.all(
      ["new Share(\"/tank/media\")", '{ path: "/tank/media", readOnly: true }'].map(async (media) => {
        const root = await writeFleet({
          ...BASE_FLEET,
          ...nas(`  services: { samba: (() => { ${share}; return samba({ shares: { media: ${media} } }); })() },`),
        });
        roots.push(root);
        return runPipeline(root);
      }),
    );
    expect(classMade?.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const host = (result: typeof plain) => result?.plan?.files.find((file) => file.path === "hosts/nas/default.nix")?.text;
    expect(host(classMade)).toContain("/tank/media");
    expect(host(classMade)).toBe(host(plain));
  });

  it("escapes a character outside the BMP in an NFS export path as its UTF-8 bytes", async () => {
    const root = await writeFleet({
      ...BASE_FLEET,
      ...nas('  services: { nfs: nfs({ exports: [{ path: "/tank/😀", clients: [{ host: "10.0.20.0/24", options: ["ro"] }] }] }) },'),
    });
    roots.push(root);
    const { plan } = await runPipeline(root);
    const host = plan?.files.find((file) => file.path === "hosts/nas/default.nix")?.text ?? "";
    expect(host).toContain("/tank/\\360\\237\\230\\200 10.0.20.0/24(ro)");
    expect(host).not.toContain("\\357\\277\\275");
  });
});
