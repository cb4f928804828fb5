/**
 * The NixOS side of a host's homes: home-manager's NixOS module settings and one
 * `home-manager.users.<user> = import ../../homes/<user>/….nix` per account with a home.
 *
 * `useGlobalPkgs` makes homes use the host's nixpkgs (and its overlays) instead of evaluating a
 * second one; `useUserPackages` installs `home.packages` through `users.users.<user>.packages`,
 * so they appear in the user's profile like any NixOS package.
 */
import { posix } from "node:path";
import { nix, nixPath } from "../../dsl/expressions.ts";
import type { Fleet, HostEntry } from "../model/fleet.ts";
import { homeNixPath, homesOfHost } from "../model/homes.ts";
import type { Definition } from "./contribution.ts";

/** The host's home-manager definitions; none when no account of the host has a home. */
export const homeManagerDefinitions = (fleet: Fleet, host: HostEntry, hostFilePath: string): Definition[] => {
  const homes = homesOfHost(fleet, host);
  const first = homes[0];
  if (!first) return [];
  const settingsOrigin = { file: first.home.file, objectPath: [] };
  return [
    { path: ["home-manager", "useGlobalPkgs"], value: true, origin: settingsOrigin },
    { path: ["home-manager", "useUserPackages"], value: true, origin: settingsOrigin },
    ...homes.map(({ user, home }) => ({
      path: ["home-manager", "users", user],
      value: nix`import ${nixPath(posix.relative(posix.dirname(hostFilePath), homeNixPath(home)))}`,
      origin: { file: home.file, objectPath: [] },
    })),
  ];
};
