/**
 * Which changes deserve a second look before anything is deployed: a port newly open on every
 * interface, a firewall turned off, a new administrator, a new SSH key, a secret that more
 * machines or people can decrypt. Read from the changes themselves, so however the change was
 * written (a service, a module, a raw `nixos` block), it is flagged.
 */
import type { HostPlan, Risk } from "./changes.ts";
import { ALL_INTERFACES } from "./firewall-items.ts";

const hostRisks = (host: HostPlan): Risk[] =>
  host.changes.flatMap((change): Risk[] => {
    const at = { host: host.name };
    switch (change.section) {
      case "firewall":
        if (change.item === "state")
          return change.after === '"off"' ? [{ kind: "firewall-off", ...at, message: `${host.name}: the firewall is turned off; every listening port is reachable` }] : [];
        return change.action === "add" && change.item.endsWith(` on ${ALL_INTERFACES}`)
          ? [{ kind: "port-open-everywhere", ...at, message: `${host.name}: ${change.item.replace(` on ${ALL_INTERFACES}`, "")} is newly open on all interfaces` }]
          : [];
      case "sudo":
        return change.action === "remove" ? [] : [{ kind: "new-admin", ...at, message: `${host.name}: ${change.item} gains administrator rights (${(change.after ?? "").replace(/^"|"$/g, "")})` }];
      case "sshKeys":
        return change.action === "add" ? [{ kind: "new-ssh-key", ...at, message: `${host.name}: new SSH key for ${change.item}` }] : [];
      default:
        return [];
    }
  });

/** A secret that more hosts or admins can decrypt than before. */
export interface RecipientGain {
  readonly secret: string;
  readonly gained: readonly string[];
}

const recipientRisks = ({ secret, gained }: RecipientGain): Risk => ({
  kind: "secret-recipient",
  message: `secret ${secret} can now be decrypted by ${gained.join(", ")}`,
});

/** The risks among the plan's changes: fleet-wide first, then host by host. */
export const planRisks = (gains: readonly RecipientGain[], hosts: readonly HostPlan[]): Risk[] => [
  ...gains.map(recipientRisks),
  ...hosts.flatMap(hostRisks),
];
