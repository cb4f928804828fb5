/**
 * typeflake's public authoring API: `import { defineHost, secret, mkForce } from "typeflake"`.
 */
export { defineFleet, type FleetInput } from "./fleet.ts";
export { defineHost, type HostInput } from "./host.ts";
export { defineHome, type HomeInput } from "./home.ts";
export { defineModule, type ModuleInput } from "./module.ts";
export { defineOverlay, type OverlayInput } from "./overlay.ts";
export {
  host,
  mkAfter,
  mkBefore,
  mkDefault,
  mkForce,
  mkIf,
  mkMerge,
  mkOverride,
  nix,
  nixPath,
  nixString,
  pkg,
  secret,
  unstablePkg,
  type NixExpression,
  type NixValue,
  type NixPackage,
  type NixPathLiteral,
  type TypedNix,
  type TypedWrapper,
} from "./expressions.ts";
export type { AnyValue, Definition, Item, PackageValue, PathValue, StringValue } from "./option-values.ts";
export type { NixosBlock, RegisteredNixosOptions, TypeflakeRegister } from "./register.ts";
export {
  docker,
  nfs,
  nfsMounts,
  nginx,
  nodeExporter,
  openssh,
  samba,
  wireguard,
  type DockerInput,
  type NfsInput,
  type NfsMountsInput,
  type NginxInput,
  type NodeExporterInput,
  type OpensshInput,
  type SambaInput,
  type WireguardInput,
} from "./services/index.ts";
