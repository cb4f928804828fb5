/**
 * What a call fleet code makes to `fs` or `os` observes, whatever form its path takes, and which
 * calls no observation can describe.
 */
import { constants } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { contentObservation, folderObservation, linkObservation, statObservation, WORKING_FOLDER } from "../../generators/cache/observations.ts";
import { fileCallObservation, systemCallObservation } from "../../generators/load/observed-calls.ts";

const observe = (name: string, ...args: unknown[]) => fileCallObservation(name, args, constants.O_RDONLY);

describe("what an fs call observes", () => {
  it("takes every form of path Node takes: a string, a file: URL (from any realm), a Buffer, any Uint8Array", () => {
    const expected = { observe: [contentObservation("/srv/keys/alice.pub")], readsContentOf: contentObservation("/srv/keys/alice.pub") };
    expect(observe("readFile", "/srv/keys/alice.pub")).toEqual(expected);
    expect(observe("readFile", new URL("file:///srv/keys/alice.pub"))).toEqual(expected);
    expect(observe("readFile", { href: "file:///srv/keys/alice.pub", protocol: "file:" })).toEqual(expected);
    expect(observe("readFile", Buffer.from("/srv/keys/alice.pub"))).toEqual(expected);
    expect(observe("readFile", new TextEncoder().encode("/srv/keys/alice.pub"))).toEqual(expected);
  });

  it("adds the working folder to what a relative path observes: it is read from there", () => {
    expect(observe("readFile", "keys/alice.pub").observe).toEqual([WORKING_FOLDER, contentObservation(resolve("keys/alice.pub"))]);
  });

  it("tells a content read, a stat, a link's own stat and a listing apart", () => {
    expect(observe("open", "/a").observe).toEqual([contentObservation("/a")]);
    expect(observe("createReadStream", "/a").observe).toEqual([contentObservation("/a")]);
    for (const name of ["stat", "access", "exists", "realpath"]) expect(observe(name, "/a").observe, name).toEqual([statObservation("/a")]);
    for (const name of ["lstat", "readlink"]) expect(observe(name, "/a").observe, name).toEqual([linkObservation("/a")]);
    expect(observe("readdir", "/a").observe).toEqual([folderObservation("/a", false)]);
    expect(observe("readdir", "/a", { recursive: true, withFileTypes: true }).observe).toEqual([folderObservation("/a", true)]);
    expect(observe("readdir", "/a", "utf8").observe).toEqual([folderObservation("/a", false)]);
  });

  it("takes an open with a callback where the flags go, or read-only flags, as a read", () => {
    expect(observe("open", "/a", () => undefined).refuse).toBeUndefined();
    expect(observe("open", "/a", "r").refuse).toBeUndefined();
    expect(observe("open", "/a", constants.O_RDONLY).refuse).toBeUndefined();
    expect(observe("open", "/a", "a+").refuse).toBe("fs.open for writing");
    expect(observe("open", "/a", constants.O_WRONLY).refuse).toBe("fs.open for writing");
  });

  it("leaves reads through a descriptor to the open that made it, but refuses standard input", () => {
    expect(observe("readFile", 7)).toEqual({});
    expect(observe("read", 7)).toEqual({});
    expect(observe("readFile", { fd: 7 })).toEqual({});
    expect(observe("readFile", 0).refuse).toBe("fs.readFile of standard input");
    expect(observe("read", 0).refuse).toBe("fs.read of standard input");
  });

  it("refuses what changes the disk, and a path it cannot tell", () => {
    for (const name of ["writeFile", "mkdir", "rm", "rename", "createWriteStream", "glob"]) expect(observe(name, "/a").refuse, name).toBe(`fs.${name}`);
    expect(observe("readFile", { path: "/a" }).refuse).toBe("fs.readFile of a path typeflake cannot tell (object)");
  });
});

describe("what an os call observes", () => {
  it("keeps what stays the same from run to run, and refuses what changes by the second", () => {
    expect(systemCallObservation("hostname")).toEqual({ observe: ["os:hostname"] });
    expect(systemCallObservation("uptime").refuse).toContain("os.uptime");
  });
});
