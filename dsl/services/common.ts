/**
 * Fields several service schemas share: the firewall opt-out, key files that must come from the
 * fleet's secrets, and references to other fleet hosts.
 */
import { z } from "zod";
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
    params: { code: inlineKey ? "private-key" : "invalid-secret-ref" },
    message: inlineKey
      ? "looks like an inline WireGuard private key; keys are never written in clear. Add it to the " +
        'fleet\'s encrypted secrets and write secret("wireguard-key") here instead'
      : 'must be a secret reference such as secret("wireguard-key") (or secret("wireguard-key").path); ' +
        "key files come from the fleet's secrets and are never written inline",
  });
});

/** A fleet host as `host("nas")`, standing for its address (a reference with a port is refused). */
export const hostAddressRef = (role: string) =>
  z.custom<HostRef>((value) => isNixExpression(value) && value.kind === "host" && value.url === undefined, {
    error: `must be ${role} as host("name"), without a port`,
    params: { code: "invalid-host-ref" },
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
          params: { code: "duplicate-parameter" },
          message: `"${key}" has a typed field: set \`${field}\` instead`,
        });
    }
  };

/**
 * Text for line-based configuration files (smb.conf, sshd_config): a line break would end the
 * value and start a parameter of its own, so it is refused.
 */
export const singleLine = z.string().refine(isOneLine, {
  error: "must be a single line: this value is written into a line-based configuration file",
  params: { code: "multi-line-value" },
});
