/**
 * What typeflake's own schema checks attach to their zod issues (`params`): a diagnostic code and
 * the facts of the problem, never a sentence. The generators word them (see
 * `generators/diagnostics/messages/schema.ts`); keeping them typed here means a check cannot
 * report fields its renderer does not know.
 */

/** A value that is not of the form a check takes. */
export interface FormParams {
  /** The valid form as a noun phrase, e.g. `a CIDR (address/prefix, …) such as "10.0.20.0/24"`. */
  readonly expected: string;
  /** Which part of the value is wrong, when the check can tell (a flake URL's parser error). */
  readonly detail?: string;
}

/** Code → the params a check with that code attaches. */
export interface CheckParamFields {
  readonly "invalid-value": FormParams;
  readonly "invalid-host-name": FormParams;
  readonly "invalid-dns-name": FormParams;
  readonly "invalid-ip-address": FormParams;
  readonly "invalid-address": FormParams;
  readonly "invalid-cidr": FormParams;
  readonly "invalid-port": FormParams;
  readonly "invalid-path": FormParams;
  readonly "multi-line-value": FormParams;
  readonly "invalid-passwd-entry": FormParams;
  readonly "invalid-flake-url": FormParams;
  readonly "invalid-user-name": FormParams;
  readonly "invalid-group-name": FormParams;
  readonly "invalid-wireguard-key": FormParams;
  readonly "invalid-age-key": FormParams;
  readonly "invalid-host-id": FormParams;
  readonly "invalid-name": FormParams;
  readonly "invalid-ssh-key": FormParams;
  readonly "invalid-host-key": FormParams;
  readonly "invalid-nfs-option": FormParams;
  readonly "invalid-expression": FormParams;
  readonly "invalid-proxy-target": FormParams | { readonly port: number; readonly scheme: string };
  /** Text that holds a private key: `wireguard-key` when it has the shape of a bare WireGuard key. */
  readonly "private-key": { readonly key: "key-block" | "wireguard-key" };
  /** Not a `secret(…)` handle: `key-file` where `secret(…).path` is accepted too. */
  readonly "invalid-secret-ref": { readonly accepts: "secret" | "key-file" };
  /** Not `host("name")` (or with a port): what the host stands for here. */
  readonly "invalid-host-ref": { readonly role: string };
  /** A free-form setting that has a typed field. */
  readonly "duplicate-parameter": { readonly key: string; readonly field: string };
  /** Two exports(5) options that contradict each other. */
  readonly "conflicting-options": { readonly first: string; readonly second: string };
  /** A directory exported twice. */
  readonly "duplicate-export": { readonly path: string };
  /** A WireGuard interface with both `join` and `mesh`. */
  readonly "join-and-mesh": Readonly<Record<never, never>>;
  /** An nginx virtual host's TLS settings that do not fit together. */
  readonly "invalid-tls":
    | { readonly problem: "acme-exclusive" | "certificate-pair" }
    | { readonly problem: "needs-certificate"; readonly mode: string };
}

/** The code of a schema check. */
export type CheckCode = keyof CheckParamFields;

/** The `params` of a check's issue: its code and that code's facts. */
export type CheckParams = { readonly [C in CheckCode]: { readonly code: C } & CheckParamFields[C] }[CheckCode];

/** `params` for a zod check or issue: `checkParams("invalid-cidr", { expected: "a CIDR …" })`. */
export const checkParams = <C extends CheckCode>(code: C, fields: CheckParamFields[C]): CheckParams =>
  ({ code, ...fields }) as CheckParams;
