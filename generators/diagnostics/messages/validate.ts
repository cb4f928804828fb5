/** Words of the fleet checks' diagnostics (`codes/validate.ts`). */
import type { ValidateFields } from "../codes/validate.ts";
import { formatObjectPath } from "../diagnostic.ts";
import type { Renderers } from "./renderer.ts";

const text = (key: string | undefined): string => (key === undefined ? "the text" : `the attribute name ${JSON.stringify(key)}`);

/** One renderer per fleet-check code. */
export const validateMessages: Renderers<ValidateFields> = {
  "nul-character": ({ key, index }) =>
    `${text(key)} contains a NUL character (\\u0000) at index ${index}, which Nix strings cannot hold; remove it`,
  "lone-surrogate": ({ key, index, unit }) =>
    `${text(key)} contains a lone UTF-16 surrogate (\\u${unit}) at index ${index}: half of a character, ` +
    "which has no UTF-8 encoding and cannot be written to a Nix file; keep both halves of the character or remove it",
  "integer-out-of-range": ({ value, min, max }) =>
    `is the integer ${value}, outside Nix's signed 64-bit integers (${min} to ${max}); use a smaller number, or a string`,
  "non-finite-number": ({ value, inExpression }) =>
    `is the number ${value}, which Nix cannot write (it has no NaN or infinity); use a finite number` +
    (inExpression ? " (mkOverride and mkOrder take an integer priority, such as 50 or 1000)" : ""),
  "cyclic-value": ({ sameAs }) =>
    `contains itself: it is the same object as ${sameAs.length ? formatObjectPath(sameAs) : "the whole definition"}, ` +
    "and Nix values cannot refer to themselves; write a copy of the part you need instead",
  "too-deep": ({ limit }) =>
    `is nested more than ${limit} levels deep; typeflake writes at most ${limit} levels of ` +
    "objects and arrays (no NixOS option needs more): flatten the value, or compute it in Nix with nix`…`",
  "port-conflict": ({ host, service, protocol, port, takenBy, takenAt }) =>
    `${service} claims ${protocol.toUpperCase()} port ${port} on host ${JSON.stringify(host)}, but ${takenBy} already listens there ` +
    `(${`${takenAt.file} ${formatObjectPath(takenAt.objectPath)}`.trim()}); move one of them to another port`,
  "checks-skipped": ({ file }) =>
    `checks that need ${file} (cross-host, ports, NixOS options and assertions of the hosts that use it) were skipped until its errors are fixed`,
};
