/**
 * The releases a new fleet is scaffolded with, kept together so they move as one when a release of
 * any of them comes out. Each is a current stable release (npm's `latest`, GitHub's newest major)
 * as of this typeflake version; the ranges are carets, so `npm install` takes compatible updates.
 */

/** Versions and ranges a scaffold's package.json, flake inputs and CI workflow use. */
export interface ScaffoldTooling {
  /**
   * The NixOS release a new fleet follows (`nixos-<release>` branch of nixpkgs) and records as
   * its hosts' `system.stateVersion`: the newest stable release, supported for seven months.
   */
  readonly nixosRelease: string;
  /**
   * The `typescript` devDependency range: TypeScript 7, the native compiler, npm's stable
   * `latest` and the version typeflake type-checks itself with.
   */
  readonly typescriptRange: string;
  /** The `@types/node` devDependency range, for the Node.js major CI runs (`nodeVersion`). */
  readonly nodeTypesRange: string;
  /** The Node.js major CI runs on: the active LTS line (typeflake itself needs Node.js 20 or later). */
  readonly nodeVersion: string;
  /** `actions/checkout`'s major. */
  readonly checkoutAction: string;
  /** `actions/setup-node`'s major. */
  readonly setupNodeAction: string;
}

/** What `typeflake init` writes. */
export const SCAFFOLD_TOOLING: ScaffoldTooling = {
  nixosRelease: "26.05",
  typescriptRange: "^7.0.2",
  nodeTypesRange: "^26.6.6",
  nodeVersion: "26",
  checkoutAction: "actions/checkout@v7",
  setupNodeAction: "actions/setup-node@v7",
};
