/**
 * A home → home-manager option definitions (`home.packages`, `home.stateVersion`,
 * `home.shellAliases`, `programs.git`), the raw `homeManager` block last so it reads as
 * overrides. These are home-manager's options (release 24.11), not NixOS's: they land in the
 * module `home-manager.users.<user>` imports.
 */
import type { HomeConfig } from "../../dsl/home.ts";
import { child, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { Definition } from "./contribution.ts";
import { setFields } from "./emit.ts";

/** The definitions of one home file; `origin` is its root object. */
export const lowerHome = (home: HomeConfig, origin: SourceOrigin): Definition[] => {
  const at = (field: keyof HomeConfig) => child(origin, field);
  const git = home.git;
  return [
    ...(home.packages.length ? [{ path: ["home", "packages"], value: home.packages, origin: at("packages") }] : []),
    ...(Object.keys(home.shellAliases).length ? [{ path: ["home", "shellAliases"], value: home.shellAliases, origin: at("shellAliases") }] : []),
    ...(home.stateVersion ? [{ path: ["home", "stateVersion"], value: home.stateVersion, origin: at("stateVersion") }] : []),
    ...(git
      ? [{ path: ["programs", "git"], value: setFields({ enable: true, userName: git.userName, userEmail: git.userEmail }), origin: at("git") }]
      : []),
    { path: [], value: home.homeManager, origin: at("homeManager") },
  ];
};
