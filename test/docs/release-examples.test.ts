/**
 * What users copy names the release a new fleet follows: the README, docs/ and the hover docs and
 * messages of the public API give nixpkgs branches, home-manager branches and stateVersions as
 * examples, and a copied `nixos-24.11` or `stateVersion: "24.11"` pins a fleet to a release out of
 * support, or makes home-manager warn of a mismatch. Any release named in such an example must be
 * the one `typeflake init` pins, or newer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { SCAFFOLD_TOOLING } from "../../generators/init/scaffold-tooling.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** Files whose text users read or copy: the README, docs/, the DSL's doc comments and the messages. */
function readFiles(): string[] {
  const below = (folder: string, skip: readonly string[] = []): string[] =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((name) => /\.(ts|md)$/.test(name) && !skip.some((part) => name.startsWith(part)))
      .map((name) => join(folder, name));
  return [
    "README.md",
    ...below("docs"),
    // The option snapshot's own descriptions quote NixOS history ("since 24.05"), not examples.
    ...below("dsl", ["nixos-options"]),
    ...below("generators/diagnostics/messages"),
    ...below("generators/init"),
  ];
}

/** A release in an example: a branch (`nixos-24.11`, `release-24.11`) or a quoted version (`"24.11"`). */
const RELEASE = /(?:(?:nixos|nixpkgs|release)-|["'`])(\d{2}\.(?:05|11))\b/g;

const older = (release: string, than: string): boolean => Number(release) < Number(than);

describe("release examples", () => {
  it(`name ${SCAFFOLD_TOOLING.nixosRelease} or newer, the release typeflake init pins`, () => {
    const stale = readFiles().flatMap((file) =>
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .flatMap((line, index) =>
          [...line.matchAll(RELEASE)]
            .filter((match) => older(match[1] ?? "", SCAFFOLD_TOOLING.nixosRelease))
            .map((match) => `${relative(ROOT, join(ROOT, file))}:${index + 1}: ${match[0]}`),
        ),
    );
    expect(stale).toEqual([]);
  });
});
