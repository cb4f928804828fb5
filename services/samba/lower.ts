/**
 * Samba → `services.samba.settings`: the `[global]` section and one section per share, with
 * Samba's own parameter names and spellings (`"read only" = "no"`, `"valid users" = "media"`).
 */
import type { NixValue } from "../../dsl/expressions.ts";
import { SAMBA_GLOBAL_PARAMETERS, SAMBA_SHARE_PARAMETERS, type SambaConfig } from "./schema.ts";
import { child } from "../../generators/diagnostics/diagnostic.ts";
import type { Definition, Lowering } from "../../generators/lower/contribution.ts";
import { portClaims } from "../../generators/lower/emit.ts";

type ParameterValue = string | number | boolean | readonly string[];

/** smb.conf spelling: booleans as yes/no, lists space-separated. */
const sambaValue = (value: ParameterValue): NixValue => {
  if (typeof value === "boolean") return value ? "yes" : "no";
  return typeof value === "object" ? value.join(" ") : value;
};

/** One smb.conf section: the typed fields in their fixed order, then the extra parameters as written. */
const section = <Config extends { readonly extra: Readonly<Record<string, ParameterValue>> }>(
  config: Config,
  parameters: { readonly [Field in keyof Config]?: string },
): { [parameter: string]: NixValue } => {
  const typed = Object.entries(parameters).flatMap(([field, parameter]) => {
    const value = config[field as keyof Config] as ParameterValue | undefined;
    return value === undefined || parameter === undefined ? [] : [[parameter, sambaValue(value)] as const];
  });
  const others = Object.entries(config.extra).map(([parameter, value]) => [parameter, sambaValue(value)] as const);
  return Object.fromEntries([...typed, ...others]);
};

/** Samba: enable, `[global]`, the shares; TCP 445 and 139. */
export const lowerSamba: Lowering<SambaConfig> = (samba, context) => {
  const settings = ["services", "samba", "settings"];
  const global = section(samba.global, SAMBA_GLOBAL_PARAMETERS);
  const definitions: Definition[] = [
    { path: ["services", "samba", "enable"], value: true, origin: context.origin },
    ...(Object.keys(global).length ? [{ path: [...settings, "global"], value: global, origin: child(context.origin, "global") }] : []),
    ...Object.entries(samba.shares).map(([name, share]) => ({
      path: [...settings, name],
      value: section(share, SAMBA_SHARE_PARAMETERS),
      origin: child(context.origin, "shares", name),
    })),
  ];
  return { definitions, ports: portClaims("samba", "tcp", [445, 139], context.origin, samba.openFirewall), diagnostics: [] };
};
