/**
 * Which hosts get which homes, and where the generated home modules live.
 *
 * Layout: a user's shared home is `homes/<user>/default.nix`; the home on one host is
 * `homes/<user>/<host>.nix`, which imports `./default.nix` and adds the per-host settings. A
 * user's generated files share a folder because Nix path literals cannot contain the `@` of
 * `alice@nas`, and the folder keeps `homes/<user>/home.ts` beside its output, as hosts do.
 */
import type { Fleet, HomeEntry, HostEntry } from "./fleet.ts";
import { modulesOfHost } from "./host-modules.ts";

/** The generated shared home of a user sits in the user's folder under this name. */
export const SHARED_HOME_NIX = "default.nix";

/** `alice` → `{ user: "alice" }`, `alice@nas` → `{ user: "alice", host: "nas" }`. */
export const parseHomeName = (name: string): { readonly user: string; readonly host: string | undefined } => {
  const at = name.indexOf("@");
  return at < 0 ? { user: name, host: undefined } : { user: name.slice(0, at), host: name.slice(at + 1) };
};

/** The generated module of a home, relative to the fleet root: `homes/alice/default.nix`, `homes/alice/nas.nix`. */
export const homeNixPath = (home: Pick<HomeEntry, "user" | "host">): string =>
  `homes/${home.user}/${home.host === undefined ? SHARED_HOME_NIX : `${home.host}.nix`}`;

/** Accounts a host has: `users` of its host file and of every module it uses, sorted, each once. */
export const usersOfHost = (fleet: Pick<Fleet, "config" | "modules">, host: HostEntry): string[] =>
  [...new Set([host, ...modulesOfHost(fleet, host)].flatMap((entry) => Object.keys(entry.config.users)))].sort();

/** One `home-manager.users.<user>` of a host: the home module it imports. */
export interface HostHome {
  /** The account, e.g. `alice`. */
  readonly user: string;
  /** The home the host imports: the per-host one when there is one, else the shared one. */
  readonly home: HomeEntry;
}

/**
 * The homes of a host: every account it has for which a home is defined, sorted by user. A
 * per-host home (`alice@nas`) already imports the shared one, so it stands for both.
 */
export const homesOfHost = (fleet: Fleet, host: HostEntry): HostHome[] => {
  const homes = fleet.homes ?? [];
  return usersOfHost(fleet, host).flatMap((user) => {
    const home =
      homes.find((entry) => entry.user === user && entry.host === host.name) ??
      homes.find((entry) => entry.user === user && entry.host === undefined);
    return home ? [{ user, home }] : [];
  });
};
