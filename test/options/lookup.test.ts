import { describe, expect, it } from "vitest";
import { optionTypeAt } from "../../generators/options/lookup.ts";

describe("optionTypeAt", () => {
  it("finds options below attribute-set elements by the user's names", () => {
    expect(optionTypeAt(["services", "nginx", "virtualHosts", "example.org", "locations", "/", "proxyPass"])).toEqual({
      kind: "either",
      of: [{ kind: "null" }, { kind: "string" }],
    });
  });

  it("accepts the manual's placeholders and list items", () => {
    expect(optionTypeAt(["users", "users", "<name>", "uid"])).toEqual({
      kind: "either",
      of: [{ kind: "null" }, { kind: "int" }],
    });
    expect(optionTypeAt(["swapDevices", "*", "device"])).toMatchObject({ kind: "string", checks: ["non-empty"] });
    expect(optionTypeAt(["swapDevices", "0", "device"])).toMatchObject({ kind: "string" });
  });

  it("gives the freeform type below open submodules", () => {
    expect(optionTypeAt(["services", "samba", "settings", "global", "workgroup"])).toMatchObject({
      kind: "either",
      name: "INI atom (null, bool, int, float or string) or a non-empty list of them",
    });
    expect(optionTypeAt(["services", "samba", "settings", "global", "security"])).toEqual({
      kind: "enum",
      values: ["auto", "user", "domain", "ads"],
    });
  });

  it("reports namespaces as submodules and unknown paths as undefined", () => {
    expect(optionTypeAt(["services", "openssh"])).toEqual({ kind: "submodule" });
    expect(optionTypeAt(["services", "opensshh", "enable"])).toBeUndefined();
    expect(optionTypeAt(["networking", "firewall", "enable", "more"])).toBeUndefined();
  });
});
