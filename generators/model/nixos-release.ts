/**
 * The NixOS release a flake URL follows, read from its branch: what nixpkgs and home-manager
 * inputs say about the options they have (home-manager's `release-25.11` renamed options that
 * `release-25.05` had).
 */

/**
 * The NixOS release a nixpkgs flake URL follows: `"24.11"` for a `nixos-24.11` branch (also
 * `nixpkgs-24.11-darwin`, `release-24.11`, `?ref=nixos-24.11`, `nixos-24.11.tar.gz`), `"unstable"` for
 * `nixos-unstable`, `nixpkgs-unstable` or `master`; undefined when the URL names neither (a
 * commit, a fork's own branch, a path).
 */
export const nixosReleaseOf = (url: string): string | undefined => {
  const release = /(?:^|[/=:])(?:nixos|nixpkgs|release)-(\d{2}\.\d{2})(?=$|[-/?&#]|\.[a-z])/.exec(url)?.[1];
  if (release !== undefined) return release;
  return /(?:^|[/=:])(?:nixos-unstable|nixpkgs-unstable|master)(?=$|[-/?&#])/.test(url) ? "unstable" : undefined;
};

/** Whether a release (`"25.05"`, `"unstable"`) is older than `than` (`"25.11"`); unstable is newer than every release. */
export const releaseBefore = (release: string, than: string): boolean => release !== "unstable" && Number(release) < Number(than);
