/**
 * Source text of small fleets for diagnostics tests: a valid base fleet (one host, one module)
 * and builders for files that differ from it in one place.
 */

/** The flake inputs every test fleet needs (nixpkgs, and deploy-rs for the default deploy tool). */
export const INPUTS = `  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },`;

/** Inputs plus sops-nix and one declared secret, "wg-key", decrypted with an age key file (the hosts run no OpenSSH). */
export const WITH_SECRETS = `  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
  },
  secrets: { ageKeyFile: "/var/lib/sops-nix/key.txt", secrets: { "wg-key": {} } },`;

/** `typeflake.config.ts` with `body` after the description. */
export const fleetFile = (body: string = INPUTS): string =>
  `import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Homelab",
${body}
});
`;

/** `hosts/<name>/host.ts` whose object is `body`; `names` are imported from "typeflake". */
export const hostFile = (body: string, names = "defineHost, host, pkg, secret, unstablePkg"): string =>
  `import { ${names} } from "typeflake";

export default defineHost({
${body}
});
`;

/** `modules/<name>.ts` whose object is `body`. */
export const moduleFile = (body: string): string =>
  `import { defineModule } from "typeflake";

export default defineModule({
${body}
});
`;

/** `overlays/<name>.ts` whose object is `body`. */
export const overlayFile = (body: string): string =>
  `import { defineOverlay, pkg } from "typeflake";

export default defineOverlay({
${body}
});
`;

/** A valid fleet: one host "nas" using one module "common". */
export const BASE_FLEET = {
  "typeflake.config.ts": fleetFile(),
  "hosts/nas/host.ts": hostFile(`  address: "10.0.20.10",\n  modules: ["common"],`),
  "modules/common.ts": moduleFile(`  timeZone: "UTC",`),
} as const;
