/**
 * Schemas for values that end up as Nix: plain data plus typeflake's expression values.
 */
import { z } from "zod";
import { isNixExpression, type NixExpression, type NixValue, type SecretRef } from "./expressions.ts";
import { looksLikePrivateKey } from "./checks.ts";

/** Why a private key in a public field is refused, and what to write instead. */
export const PRIVATE_KEY_MESSAGE =
  "looks like a private key; keys are never written in clear. Declare it in the fleet's secrets and use secret(\"name\") or secret(\"name\").path instead";

/** Any typed Nix expression value (`nix\`…\``, `mkForce(…)`, `pkg("htop")`, `secret("x").path`, …). */
export const nixExpression = z.custom<NixExpression>(isNixExpression, {
  error: "must be a typeflake expression (nix`…`, mkForce, pkg, secret, host, …)",
  params: { code: "invalid-expression" },
});

/** A value a NixOS option can take, with private keys refused wherever they appear. */
export const nixValue: z.ZodType<NixValue> = z.lazy(() =>
  z.union([
    z.string().refine((value) => !looksLikePrivateKey(value), {
      error: PRIVATE_KEY_MESSAGE,
      params: { code: "private-key" },
    }),
    z.number().refine(Number.isFinite, { error: "must be a finite number (Nix has no NaN or infinity)" }),
    z.boolean(),
    z.null(),
    nixExpression,
    z.array(nixValue),
    z.record(z.string(), nixValue),
  ]),
);

/** A NixOS option block: an attribute set of option values. */
export const nixOptionBlock = z.record(z.string(), nixValue);

/** A reference to a secret declared in the fleet: `secret("wireguard-key")`. */
export const secretRef = z.custom<SecretRef>(
  (value) => isNixExpression(value) && value.kind === "secret",
  {
    error: "must be a secret reference such as secret(\"wireguard-key\"); private keys are never written inline",
    params: { code: "invalid-secret-ref" },
  },
);
