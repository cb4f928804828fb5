import { describe, expect, it } from "vitest";
import { pkg, secret } from "../../dsl/expressions.ts";
import { lowerUsers } from "../../generators/lower/users.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import { buildFleet } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

const lowerModuleUsers = (fleet = homelab(), name = "common") => {
  const module = fleet.modules.find((entry) => entry.name === name)!;
  return lowerUsers(module.config, { index: indexFleet(fleet), hostName: undefined, origin: { file: module.file, objectPath: [] } });
};

/** The deploy user's key in the homelab's modules/common.ts. */
const HOMELAB_DEPLOY_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJd8x1yM6BoGv5Q0z2pQm9Ka3oH0wqCkq9bXk0Jm7Vt3 admin@workstation";

describe("users lowering", () => {
  it("gives the deploy user its keys, wheel, passwordless sudo for itself only, and store trust", () => {
    const { definitions, diagnostics } = lowerModuleUsers();
    expect(diagnostics).toEqual([]);
    const at = (objectPath: (string | number)[]) => ({ file: "modules/common.ts", objectPath });
    expect(definitions).toEqual([
      {
        path: ["users", "users", "deploy"],
        value: { isNormalUser: true, description: "Deployment user", extraGroups: ["wheel"], openssh: { authorizedKeys: { keys: [HOMELAB_DEPLOY_KEY] } } },
        origin: at(["users", "deploy"]),
      },
      { path: ["security", "sudo", "extraRules"], value: [{ users: ["deploy"], commands: [{ command: "ALL", options: ["NOPASSWD"] }] }], origin: at(["users", "deploy", "deploy"]) },
      { path: ["nix", "settings", "trusted-users"], value: ["deploy"], origin: at(["users", "deploy", "deploy"]) },
    ]);
  });

  it("writes every user field and the groups", () => {
    const fleet = buildFleet({
      hosts: {},
      modules: {
        m: {
          users: {
            alice: { uid: 1000, extraGroups: ["wheel", "media"], shell: pkg("zsh"), hashedPasswordFile: secret("users/alice"), packages: [pkg("git")] },
            media: { isNormalUser: false, group: "media", description: "Samba media owner" },
          },
          groups: { media: { gid: 2000, members: ["alice"] }, backup: {} },
        },
      },
    });
    const { definitions } = lowerModuleUsers(fleet, "m");
    expect(Object.fromEntries(definitions.map((definition) => [definition.path.join("."), definition.value]))).toEqual({
      "users.users.alice": { isNormalUser: true, uid: 1000, extraGroups: ["wheel", "media"], shell: pkg("zsh"), hashedPasswordFile: secret("users/alice").path, packages: [pkg("git")] },
      "users.users.media": { isSystemUser: true, description: "Samba media owner", group: "media" },
      "users.groups.media": { gid: 2000, members: ["alice"] },
      "users.groups.backup": {},
    });
  });

  it("reports a system user without a group, and warns about a deploy user without keys", () => {
    const fleet = buildFleet({ hosts: {}, modules: { m: { users: { svc: { isNormalUser: false }, deploy: { deploy: true } } } } });
    expect(lowerModuleUsers(fleet, "m").diagnostics.map((d) => [d.severity, d.code, d.origin.objectPath.join(".")])).toEqual([
      ["error", "missing-group", "users.svc.isNormalUser"],
      ["warning", "deploy-without-keys", "users.deploy.sshKeys"],
    ]);
  });
});
