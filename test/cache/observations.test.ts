/**
 * Each observation's value changes exactly when the answer fleet code got could: what a file
 * holds, what a stat or a link says, what a listing names (below links to folders too, as Node's
 * recursive listing does), and never by reading what cannot be read to its end.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hashFiles } from "../../generators/cache/file-hashes.ts";
import { contentObservation, folderObservation, linkObservation, observe, SPECIAL_FILE, statObservation } from "../../generators/cache/observations.ts";
import { HashMemo } from "../../generators/hash-memo.ts";

const root = mkdtempSync(join(tmpdir(), "typeflake-observations-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (path: string) => join(root, path);

describe("an observation's value", () => {
  it("of a file's content: its hash, and apart from absent, a folder, a device", () => {
    writeFileSync(at("key.pub"), "one\n");
    mkdirSync(at("folder"));
    const values = [contentObservation(at("key.pub")), contentObservation(at("missing")), contentObservation(at("folder")), contentObservation("/dev/null")].map((key) => observe(key));
    expect(new Set(values).size).toBe(4);
    expect(values[3]).toBe(SPECIAL_FILE);
    writeFileSync(at("key.pub"), "two\n");
    expect(observe(contentObservation(at("key.pub")))).not.toBe(values[0]);
  });

  it("of a stat: changes with the size, the modification time and the mode, not with a folder's own times", () => {
    writeFileSync(at("stat.txt"), "x");
    const first = observe(statObservation(at("stat.txt")));
    utimesSync(at("stat.txt"), new Date(2020, 1, 1), new Date(2020, 1, 1));
    const touched = observe(statObservation(at("stat.txt")));
    expect(touched).not.toBe(first);
    chmodSync(at("stat.txt"), 0o600);
    expect(observe(statObservation(at("stat.txt")))).not.toBe(touched);
    mkdirSync(at("quiet"));
    const folder = observe(statObservation(at("quiet")));
    writeFileSync(at("quiet/new.txt"), "");
    expect(observe(statObservation(at("quiet")))).toBe(folder);
  });

  it("of a link's own stat: a dangling link is not an absent path", () => {
    symlinkSync(at("nowhere"), at("dangling"));
    const dangling = observe(linkObservation(at("dangling")));
    rmSync(at("dangling"));
    expect(observe(linkObservation(at("dangling")))).not.toBe(dangling);
  });

  it("of a listing: a missing folder is not a file, and a recursive one sees below links to folders", () => {
    writeFileSync(at("plain"), "");
    expect(observe(folderObservation(at("plain"), false))).not.toBe(observe(folderObservation(at("absent"), false)));
    mkdirSync(at("real/sub"), { recursive: true });
    mkdirSync(at("keys"));
    symlinkSync(at("real"), at("keys/link"));
    symlinkSync(at("keys"), at("keys/loop"));
    const flat = observe(folderObservation(at("keys"), false));
    const tree = observe(folderObservation(at("keys"), true));
    writeFileSync(at("real/sub/new.pub"), "");
    expect(observe(folderObservation(at("keys"), false))).toBe(flat);
    expect(observe(folderObservation(at("keys"), true))).not.toBe(tree);
  });
});

describe("the hash memo", () => {
  it("never answers for a file whose stat says it is empty: /proc's files say so whatever they hold", () => {
    const memo = new HashMemo();
    writeFileSync(at("empty"), "");
    const old = Date.now() / 1000 - 60;
    utimesSync(at("empty"), old, old);
    hashFiles([at("empty")], memo);
    expect(memo.entries()[at("empty")]).toBeUndefined();
  });
});
