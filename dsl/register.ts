/**
 * How a fleet's own option schema replaces the one typeflake ships, for the editor and tsc (the
 * `Register` pattern of TanStack Router): `typeflake options sync` (or `options import`) writes
 * `.typeflake/options/nixos-options.d.ts`, which augments `TypeflakeRegister` with the fleet's
 * options, and every `nixos` block is typed from it.
 */
import type { NixosOptions } from "./nixos-options/types.ts";

/**
 * Filled in by a fleet's generated `.typeflake/options/nixos-options.d.ts`:
 * `declare module "typeflake" { interface TypeflakeRegister { nixosOptions: FleetNixosOptions } }`.
 * Empty in typeflake itself, so a fleet without its own schema gets the shipped one.
 */
export interface TypeflakeRegister {}

/** The fleet's registered NixOS options, else the shipped ones. */
export type RegisteredNixosOptions = TypeflakeRegister extends { nixosOptions: infer Options } ? Options : NixosOptions;

/**
 * The type of a `nixos` block: `RegisteredNixosOptions`. An interface rather than the alias
 * itself, because the compiled declarations must keep the choice for the fleet's compiler to make:
 * tsc resolves a conditional type when it writes them (to the shipped options, since typeflake
 * registers nothing), while an interface is written by name and resolved where it is used.
 */
export interface NixosBlock extends RegisteredNixosOptions {}
