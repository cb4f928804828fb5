/**
 * Fields several service schemas share: the firewall opt-out, key files that must come from the
 * fleet's secrets, and references to other fleet hosts.
 */
import { z } from "zod";
import { checkParams } from "../check-params.ts";
import { isOneLine, wireguardPublicKey } from "../checks.ts";
import { isNixExpression, type HostRef, type SecretPath, type SecretRef } from "../expressions.ts";

/**
 * Open the service's ports in `networking.firewall`. Default: `true`. `false` keeps them closed
 * (reach the service through a tunnel or a trusted interface instead).
 */
export const openFirewall = z.boolean().default(true);

const isSecretFile = (value: unknown): value is SecretRef | SecretPath =>
  isNixExpression(value) && (value.kind === "secret" || value.kind === "secretPath");

/**
 * A file holding key material, taken from the fleet's secrets: `secret("wireguard-key")` or
 * `secret("wireguard-key").path`. Inline key text is refused; a bare WireGuard private key is
 * recognised by its shape (44 base64 characters) and named as such.
 */
export const secretFile = z.custom<SecretRef | SecretPath>().superRefine((value: unknown, context) => {
  if (isSecretFile(value)) return;
  const inlineKey = typeof value === "string" && wireguardPublicKey.safeParse(value.trim()).success;
  context.addIssue({
    code: "custom",
    input: value,
    params: inlineKey ? checkParams("private-key", { key: "wireguard-key" }) : checkParams("invalid-secret-ref", { accepts: "key-file" }),
  });
});

/** A fleet host as `host("nas")`, standing for its address (a reference with a port is refused). */
export const hostAddressRef = (role: string) =>
  z.custom<HostRef>((value) => isNixExpression(value) && value.kind === "host" && value.url === undefined, {
    params: checkParams("invalid-host-ref", { role }),
  });

/**
 * A check for free-form settings (`extra`, `settings`): a key that has a typed field, given as
 * `{ "read only": "readOnly" }`, must be set through that field, so no value is written twice.
 */
export const refuseTypedKeys =
  (fieldOfKey: ReadonlyMap<string, string>) =>
  (settings: Readonly<Record<string, unknown>>, context: z.RefinementCtx): void => {
    for (const key of Object.keys(settings)) {
      const field = fieldOfKey.get(key);
      if (field !== undefined)
        context.addIssue({
          code: "custom",
          path: [key],
          params: checkParams("duplicate-parameter", { key, field }),
        });
    }
  };

/**
 * Text for line-based configuration files (smb.conf, sshd_config): a line break would end the
 * value and start a parameter of its own, so it is refused.
 */
export const singleLine = z.string().refine(isOneLine, {
  params: checkParams("multi-line-value", { expected: "a single line: this value is written into a line-based configuration file" }),
});
