/**
 * A home → home-manager option definitions (`home.packages`, `home.stateVersion`,
 * `home.shellAliases`, `programs.git`), the raw `homeManager` block last so it reads as
 * overrides. These are home-manager's options, not NixOS's: they land in the module
 * `home-manager.users.<user>` imports, spelt as the fleet's home-manager release names them.
 */
import type { HomeConfig } from "../../dsl/home.ts";
import { child, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { Definition } from "./contribution.ts";
import { setFields } from "./emit.ts";
import { nixosReleaseOf, releaseBefore } from "../model/nixos-release.ts";

/**
 * home-manager 25.11 renamed `programs.git.userName`/`userEmail` to
 * `programs.git.settings.user.name`/`email`, and warns of the old names on every evaluation.
 */
const GIT_SETTINGS_SINCE = "25.11";

/**
 * How the git identity is spelt for the fleet's home-manager input (`url`): the old names for a
 * release before 25.11, `settings` for a later one, for unstable, and for a URL naming no release
 * (a new fleet follows the newest).
 */
export const gitIdentityForm = (url: string | undefined): "settings" | "userName" => {
  const release = url === undefined ? undefined : nixosReleaseOf(url);
  return release !== undefined && releaseBefore(release, GIT_SETTINGS_SINCE) ? "userName" : "settings";
};

/** `programs.git`, with the identity spelt in `form`. */
const gitValue = ({ userName, userEmail }: NonNullable<HomeConfig["git"]>, form: "settings" | "userName") =>
  form === "userName"
    ? setFields({ enable: true, userName, userEmail })
    : setFields({ enable: true, settings: userName ?? userEmail ? { user: setFields({ name: userName, email: userEmail }) } : undefined });

/** The definitions of one home file; `origin` is its root object, `gitForm` how the fleet's home-manager spells git's identity. */
export const lowerHome = (home: HomeConfig, origin: SourceOrigin, gitForm: "settings" | "userName"): Definition[] => {
  const at = (field: keyof HomeConfig) => child(origin, field);
  const git = home.git;
  return [
    ...(home.packages.length ? [{ path: ["home", "packages"], value: home.packages, origin: at("packages") }] : []),
    ...(Object.keys(home.shellAliases).length ? [{ path: ["home", "shellAliases"], value: home.shellAliases, origin: at("shellAliases") }] : []),
    ...(home.stateVersion ? [{ path: ["home", "stateVersion"], value: home.stateVersion, origin: at("stateVersion") }] : []),
    ...(git
      ? [{ path: ["programs", "git"], value: gitValue(git, gitForm), origin: at("git") }]
      : []),
    { path: [], value: home.homeManager, origin: at("homeManager") },
  ];
};
