/**
 * Option paths written and read back: `splitOptionPath` is the inverse of `showOptionPath` for
 * every name, plain (the fast path) or quoted (dots, quotes, backslashes, `${`, line breaks).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { showOptionPath, splitOptionPath } from "../../generators/options/option-path.ts";

/** Attribute names as option paths hold them; placeholders (`<name>`, `*`) are written bare by design. */
const segment = fc.oneof(
  fc.constantFrom("services", "nginx", "virtualHosts", "net.core.rmem_max", "a\"b", "back\\slash", "${x}", "two\nlines", "", "x-y'z"),
  fc.string(),
).filter((name) => name !== "*" && !/^<.+>$/.test(name));

describe("option paths", () => {
  it("read back as written", () => {
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (path) => {
      expect(splitOptionPath(showOptionPath(path))).toEqual(path);
    }));
  });

  it("split plain names at every dot, empty names included", () => {
    expect(splitOptionPath("boot.kernel.sysctl")).toEqual(["boot", "kernel", "sysctl"]);
    expect(splitOptionPath("a..b")).toEqual(["a", "", "b"]);
    expect(splitOptionPath('boot.kernel.sysctl."net.core.rmem_max"')).toEqual(["boot", "kernel", "sysctl", "net.core.rmem_max"]);
  });
});
