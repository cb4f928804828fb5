import { describe, expect, test } from "vitest";
import { UsageError } from "../../generators/command/command-error.ts";
import { hostTarget, selectHosts } from "../../generators/nix-cli/select.ts";
import { deployTarget, homelab } from "./support/fleet.ts";

const fleet = homelab("/fleet", {
  hosts: [...homelab("/fleet").hosts, deployTarget("spare", "10.0.20.99", ["lab"], { enabled: false })],
});
const names = (selection: Parameters<typeof selectHosts>[1]): string[] =>
  selectHosts(fleet, selection).map((host) => host.name);

describe("selectHosts", () => {
  test("named hosts, in the fleet's order, each once", () => {
    expect(names({ names: ["nas", "compute", "nas"], all: false, tags: [] })).toEqual(["compute", "nas"]);
  });

  test("--all and --tag take enabled hosts only", () => {
    expect(names({ names: [], all: true, tags: [] })).toEqual(["compute", "gateway", "nas"]);
    expect(names({ names: [], all: false, tags: ["lab"] })).toEqual(["compute", "nas"]);
  });

  test("names and tags add up", () => {
    expect(names({ names: ["gateway"], all: false, tags: ["storage"] })).toEqual(["gateway", "nas"]);
  });

  test.each([
    [
      { names: [], all: false, tags: [] },
      "name the hosts to act on, or use --all or --tag <tag>; the fleet's hosts are: compute, gateway, nas, spare",
    ],
    [
      { names: ["nas"], all: true, tags: [] },
      "--all already selects every host; give it alone, without host names or --tag",
    ],
    [
      { names: ["naz"], all: false, tags: [] },
      'unknown host "naz" (did you mean "nas"?); the fleet\'s hosts are: compute, gateway, nas, spare',
    ],
    [
      { names: [], all: false, tags: ["storge"] },
      'no host has the tag "storge" (did you mean "storage"?); the fleet\'s tags are: docker, lab, network, storage',
    ],
    [
      { names: ["spare"], all: false, tags: [] },
      'host "spare" has deploy.enable = false; set it to true in its host.ts to deploy it',
    ],
  ])("%j is refused: %s", (selection, message) => {
    expect(() => selectHosts(fleet, selection)).toThrow(UsageError);
    expect(() => selectHosts(fleet, selection)).toThrow(message);
  });

  test("a tag only disabled hosts carry selects nothing, which is an error", () => {
    const onlySpare = homelab("/fleet", { hosts: [deployTarget("spare", "10.0.20.99", ["cold"], { enabled: false })] });
    expect(() => selectHosts(onlySpare, { names: [], all: false, tags: ["cold"] })).toThrow(
      "every host the selection matches has deploy.enable = false; nothing to deploy",
    );
  });
});

describe("hostTarget", () => {
  test("finds disabled hosts too: eval, build and rollback work on every host", () => {
    expect(hostTarget(fleet, "spare").targetHost).toBe("10.0.20.99");
  });
});
