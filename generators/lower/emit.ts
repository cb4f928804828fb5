/**
 * Small builders the service lowerings share: definitions that only exist when a field was set,
 * and the port claims a service makes.
 */
import { secret, type NixValue, type SecretPath, type SecretRef } from "../../dsl/expressions.ts";
import { child, type SourceOrigin } from "../diagnostics/diagnostic.ts";
import type { Definition, PortClaim } from "./contribution.ts";

/** An attribute set of the fields that are set, in the order given (unset fields are left out). */
export const setFields = (fields: Readonly<Record<string, NixValue | undefined>>): { [name: string]: NixValue } =>
  Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, NixValue] => entry[1] !== undefined));

/**
 * One definition per set field, at `prefix.<field>`, each located at the TypeScript field of the
 * same name below `origin`: for options whose NixOS name is the typed field's name.
 */
export const fieldDefinitions = (
  prefix: readonly string[],
  origin: SourceOrigin,
  fields: Readonly<Record<string, NixValue | undefined>>,
): Definition[] =>
  Object.entries(setFields(fields)).map(([name, value]) => ({ path: [...prefix, name], value, origin: child(origin, name) }));

/** The ports a service listens on, opened unless the service opted out. */
export const portClaims = (
  service: string,
  protocol: PortClaim["protocol"],
  ports: readonly number[],
  origin: SourceOrigin,
  open: boolean,
): PortClaim[] => ports.map((port) => ({ protocol, port, service, origin, open }));

/** The runtime path of a secret, whichever handle was given: `secret("x")` or `secret("x").path`. */
export const secretPathOf = (reference: SecretRef | SecretPath): SecretPath =>
  reference.kind === "secretPath" ? reference : secret(reference.name).path;
