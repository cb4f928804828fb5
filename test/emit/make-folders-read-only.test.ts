/**
 * makeFolders reports why a folder cannot be made. Node's recursive mkdir answers ENOENT on a
 * read-only file system (the plain call says EROFS), which told the user the folder typeflake was
 * making did not exist; makeFolders makes one folder at a time, with the plain call. A read-only mount needs privileges a test should not ask for, so mkdir
 * answers here as Node does on one, for the folders named `read-only`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeFolders } from "../../generators/make-folders.ts";

vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  const failure = (code: string) => Object.assign(new Error(`${code}: mkdir`), { code });
  return {
    ...actual,
    mkdir: async (path: string, options?: { recursive?: boolean }) => {
      if (path.includes("read-only")) throw failure(options?.recursive ? "ENOENT" : "EROFS");
      return actual.mkdir(path, options);
    },
  };
});

const root = mkdtempSync(join(tmpdir(), "make-directory-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("makeFolders on a read-only file system", () => {
  it("says EROFS, not ENOENT, for a folder on a read-only file system", async () => {
    await expect(makeFolders(join(root, "read-only"))).rejects.toMatchObject({ code: "EROFS" });
  });

  it("says so for the first missing folder on the way, when several are missing", async () => {
    await expect(makeFolders(join(root, "read-only", "a", "b"))).rejects.toMatchObject({ code: "EROFS" });
  });
});
