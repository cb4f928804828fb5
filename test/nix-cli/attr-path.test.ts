import { describe, expect, test } from "vitest";
import { installable, parseOptionPath } from "../../generators/nix-cli/attr-path.ts";
import { UsageError } from "../../generators/command/command-error.ts";

describe("parseOptionPath", () => {
  test("splits on dots and honours quotes with Nix's escapes", () => {
    expect(parseOptionPath("networking.hostName")).toEqual(["networking", "hostName"]);
    expect(parseOptionPath('services.samba.settings."server min protocol"')).toEqual([
      "services",
      "samba",
      "settings",
      "server min protocol",
    ]);
    expect(parseOptionPath('a."b.c"."d\\"e"')).toEqual(["a", "b.c", 'd"e']);
  });

  test.each([
    ["", "empty attribute name at character 1"],
    ["a..b", "empty attribute name at character 3"],
    ["a.", "empty attribute name at character 3"],
    ['a."b', "missing closing quote"],
    ['a."b"c', 'expected "." after "b"'],
  ])("rejects %j: %s", (text, problem) => {
    expect(() => parseOptionPath(text)).toThrow(UsageError);
    expect(() => parseOptionPath(text)).toThrow(problem);
  });
});

describe("installable", () => {
  test("quotes names that are not identifiers", () => {
    expect(
      installable(".", [
        "nixosConfigurations",
        "nas",
        "config",
        "services",
        "samba",
        "settings",
        "server min protocol",
      ]),
    ).toBe('.#nixosConfigurations.nas.config.services.samba.settings."server min protocol"');
    expect(installable(".", ["a.b", "x-y", "_z'"])).toBe(`.#"a.b".x-y._z'`);
  });

  test("percent-encodes what a flake fragment cannot hold literally", () => {
    expect(installable(".", ["x%y", "h#i", "ü{}"])).toBe('.#"x%25y"."h%23i"."%C3%BC%7B%7D"');
  });

  test("refuses a name with a double quote, which nix's attribute paths cannot express", () => {
    expect(() => installable(".", ['say "hi"'])).toThrow(/contains a double quote/);
  });
});
