/**
 * The fleet's secrets settings, with schema defaults when the fleet declares none, and where each
 * setting was written (definitions made from them point at `typeflake.config.ts`).
 */
import { secretsSchema, type SecretsConfig } from "../../../dsl/secrets.ts";
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { Fleet } from "../../model/fleet.ts";

/** The fleet's `secrets` section; the defaults (sops, `secrets/secrets.yaml`, …) when it has none. */
export const secretsSettings = (fleet: Fleet): SecretsConfig => fleet.config.secrets ?? secretsSchema.parse({});

/** Where a setting of the fleet's `secrets` section was written, e.g. `secrets.defaultFile`. */
export const settingOrigin = (fleet: Fleet, ...path: string[]): SourceOrigin => ({
  file: fleet.configFile,
  objectPath: ["secrets", ...path],
});
