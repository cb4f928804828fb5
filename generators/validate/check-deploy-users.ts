/**
 * The account deployments log in as must exist on the host: `deploy.sshUser` (the host's own, else
 * the fleet's) names a user of the host. `init` writes `deploy: { sshUser: "deploy" }` and leaves
 * declaring the account to the user; one forgotten makes every deploy's ssh login fail, far from
 * the TypeScript. A warning: the account may be made by hand on the machine or in hand-written Nix.
 */
import { warning, type Diagnostic, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import { suggestionFor } from "../diagnostics/suggest.ts";
import type { FleetIndex } from "../model/fleet-index.ts";
import type { FleetOptions } from "./assertions/host-options.ts";

/** The hosts whose deploy account is missing, by where that account is named. */
interface Missing {
  readonly user: string;
  readonly at: SourceOrigin;
  readonly hosts: string[];
  readonly accounts: Set<string>;
}

/** Hosts deployed as a user (other than root) that they do not declare, one warning per place the user is named. */
export const checkDeployUsers = (index: FleetIndex, options: FleetOptions): Diagnostic[] => {
  const { fleet } = index;
  const missing = new Map<string, Missing>();
  for (const host of options) {
    const { config, file, name } = host.host;
    const own = config.deploy.sshUser;
    const user = own ?? fleet.config.deploy.sshUser;
    const accounts = host.namesUnder("users", "users");
    if (!config.deploy.enable || user === undefined || user === "root" || accounts.includes(user)) continue;
    const at: SourceOrigin = { file: own === undefined ? fleet.configFile : file, objectPath: ["deploy", "sshUser"] };
    const key = `${at.file}\0${user}`;
    const entry = missing.get(key) ?? { user, at, hosts: [], accounts: new Set<string>() };
    entry.hosts.push(name);
    for (const account of accounts) entry.accounts.add(account);
    missing.set(key, entry);
  }
  return [...missing.values()].map(({ user, at, hosts, accounts }) =>
    warning("deploy-user-missing", at, { user, hosts, ...suggestionFor(user, accounts) }),
  );
};
