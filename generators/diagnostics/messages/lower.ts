/** Words of the lowering's diagnostics (`codes/lower.ts`). */
import type { LowerFields } from "../codes/lower.ts";
import type { Renderers } from "./renderer.ts";
import { quotedList, suggestThen } from "./words.ts";

/** One renderer per lowering code. */
export const lowerMessages: Renderers<LowerFields> = {
  "missing-group": ({ user }) =>
    `a system user needs a primary group: set group (e.g. group: ${JSON.stringify(user)}) and declare it in groups`,
  "deploy-without-keys": () =>
    "the deploy user has no sshKeys; deploy tools log in with a key, so list the deploying machine's public key here",
  "wireguard-join-self": ({ host }) => `a host cannot join its own interface; name the hub host, not ${JSON.stringify(host)}`,
  "unknown-wireguard-interface": ({ host, interface: name, interfaces, suggestion }) =>
    `host ${JSON.stringify(host)} declares no WireGuard interface ${JSON.stringify(name)} in its host file` +
    (interfaces.length ? suggestThen(suggestion, `Its interfaces are ${quotedList(interfaces)}.`) : ". It declares none."),
  "missing-public-key": (data) => {
    switch (data.role) {
      case "spoke":
        return `this interface joins ${data.hub}'s ${data.interface}: set publicKey (\`wg pubkey\` of this interface's private key) so ${data.hub} can add this host as a peer`;
      case "hub":
        return `hosts ${quotedList(data.spokes)} join this interface: set publicKey so they can add this host as their peer`;
      case "mesh":
        return `this interface is in mesh ${JSON.stringify(data.mesh)}: set publicKey so the other members can add this host as a peer`;
      default:
        return data satisfies never;
    }
  },
  "missing-listen-port": ({ spokes }) => `hosts ${quotedList(spokes)} join this interface: set listenPort (e.g. 51820) so they can reach it`,
  "wireguard-needs-host": ({ field }) =>
    `${field} derives peers from this host's own tunnel address and key; declare the interface in the host file, not in a shared module`,
  "missing-acme-account": () =>
    'enableACME needs a Let\'s Encrypt account: add acme: { email: "admin@example.com", acceptTerms: true } to this nginx block',
  "password-secret-owner": ({ field, value }) =>
    `this secret is a user's password file, which sops-nix decrypts before the users exist (neededForUsers) and owns by root:root whatever its ${field} says (${JSON.stringify(value)}); remove ${field} (NixOS reads the file as root)`,
  "unsupported-restart-units": () =>
    "restartUnits is a sops-nix feature; agenix ignores it. Restart the units from the service's own configuration instead",
  "conflicting-definitions": ({ earlier, list }) =>
    list === undefined
      ? `conflicts with the value ${earlier} defined earlier for the same NixOS option; ` +
        "NixOS accepts one value here: remove one definition, or wrap the one that should win in mkForce(…)"
      : `is ${list === "this" ? "a list" : "not a list"}, but the value ${earlier} defined earlier for the same NixOS option ${list === "this" ? "is not" : "is"}: ` +
        `NixOS joins the definitions of a list option, so each must be a list; write ${list === "this" ? "the earlier one" : "this one"} as a list ([…])`,
  "duplicate-overlay-package": ({ package: name, firstFile }) =>
    `package ${JSON.stringify(name)} is already defined by the overlay in ${firstFile}; define it in one overlay only`,
  "unprintable-value": ({ reason }) => reason,
};
