/**
 * Schemas for values that end up as Nix: plain data plus typeflake's expression values.
 */
import { z } from "zod";
import { checkParams } from "./check-params.ts";
import { isNixExpression, type NixExpression, type NixValue, type SecretRef } from "./expressions.ts";
import { looksLikePrivateKey } from "./checks.ts";

/** Any typed Nix expression value (`nix\`…\``, `mkForce(…)`, `pkg("htop")`, `secret("x").path`, …). */
export const nixExpression = z.custom<NixExpression>(isNixExpression, {
  params: checkParams("invalid-expression", { expected: "a typeflake expression (nix`…`, mkForce, pkg, secret, host, …)" }),
});

/** A value a NixOS option can take, with private keys refused wherever they appear. */
export const nixValue: z.ZodType<NixValue> = z.lazy(() =>
  z.union([
    z.string().refine((value) => !looksLikePrivateKey(value), {
      params: checkParams("private-key", { key: "key-block" }),
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
    params: checkParams("invalid-secret-ref", { accepts: "secret" }),
  },
);
