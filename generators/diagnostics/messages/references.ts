/** Words of the references' diagnostics (`codes/references.ts`). */
import type { InputReason, ReferenceFields, UnstableUse } from "../codes/references.ts";
import type { Renderers } from "./renderer.ts";
import { quotedList, suggestThen } from "./words.ts";

/** `The hosts are "a", "b".`, or `There are no hosts.` */
const listOf = (what: string, names: readonly string[]): string =>
  names.length === 0 ? `There are no ${what}.` : `The ${what} are ${quotedList(names)}.`;

const secretUse = (secret: string, use: "listed" | "used"): string =>
  use === "listed" ? `secret ${JSON.stringify(secret)} is listed` : `secret(${JSON.stringify(secret)}) is used`;

const reasonText = (reason: InputReason): string => {
  switch (reason.kind) {
    case "nixpkgs":
      return "every host is built from it";
    case "deploy-tool":
      return `deploy.tool is ${JSON.stringify(reason.tool)}`;
    case "secrets-backend":
      return `secrets.backend is ${JSON.stringify(reason.backend)}`;
    case "home":
      return `${reason.file} defines a home`;
    default:
      return reason satisfies never;
  }
};

const ADD_UNSTABLE =
  'add unstable: { input: "nixpkgs-unstable" } to typeflake.config.ts, with the input "nixpkgs-unstable": { url: "github:NixOS/nixpkgs/nixos-unstable" }';

const unstableUse = (use: UnstableUse): string =>
  "package" in use ? `unstablePkg(${JSON.stringify(use.package)})` : `the raw Nix ${JSON.stringify(use.rawNix)}`;

/** One renderer per reference code. */
export const referenceMessages: Renderers<ReferenceFields> = {
  "unknown-host": ({ host, by, known, suggestion }) => {
    const missing = `(no hosts/${host}/host.ts)${suggestThen(suggestion, listOf("hosts", known))}`;
    switch (by.kind) {
      case "expression":
        return `host(${JSON.stringify(host)}) names no host of this fleet ${missing}`;
      case "host-key":
        return `is the key of host ${JSON.stringify(host)}, which does not exist ${missing}`;
      case "home":
        return `${by.home} names the host ${JSON.stringify(host)}, which does not exist ${missing}`;
      case "service":
        return `there is no host ${JSON.stringify(host)} in the fleet ${missing}`;
      default:
        return by satisfies never;
    }
  },
  "unknown-module": ({ module, known, suggestion }) =>
    `module ${JSON.stringify(module)} does not exist (no modules/${module}.ts)${suggestThen(suggestion, listOf("modules", known))}`,
  "unknown-secret": ({ secret, use, suggestion }) =>
    `${secretUse(secret, use)}, but it is not declared in typeflake.config.ts secrets.secrets` +
    suggestThen(suggestion, `Declare it there as ${JSON.stringify(secret)}: {}.`),
  "secrets-not-configured": ({ secret, use }) =>
    `${secretUse(secret, use)}, but typeflake.config.ts has no secrets section; ` +
    `add secrets: { backend: "sops", secrets: { ${JSON.stringify(secret)}: {} } } to defineFleet`,
  "missing-input": ({ input, url, reason, suggestion }) => {
    const entry = `${JSON.stringify(input)}: { url: ${JSON.stringify(url)}${input === "nixpkgs" ? "" : ', follows: { nixpkgs: "nixpkgs" }'} }`;
    const add = reason.kind === "home" ? `Add inputs: { ${entry} }; use the release branch matching nixpkgs.` : `Add inputs: { ${entry} }.`;
    return `the flake input ${JSON.stringify(input)} is missing (${reasonText(reason)})${suggestThen(suggestion, add)}`;
  },
  "unknown-input": ({ input, by, known, suggestion }) =>
    (by.kind === "unstable"
      ? `names no flake input: ${JSON.stringify(input)}`
      : `follows ${JSON.stringify(input)}, which is not a flake input of this fleet`) + suggestThen(suggestion, `The inputs are ${quotedList(known)}.`),
  "unstable-not-configured": ({ in: where, use }) => {
    switch (where) {
      case "reference":
        return `${unstableUse(use)} needs a second nixpkgs; add unstable: { input: "nixpkgs-unstable" } and that input to typeflake.config.ts`;
      case "overlay":
        return `this overlay uses ${unstableUse(use)}, but the fleet has no second nixpkgs, so applying it fails with "attribute 'unstable' missing"; ${ADD_UNSTABLE}, or use prev.<package> from the main nixpkgs`;
      case "module":
        return `${unstableUse(use)} uses the unstable package set, but the fleet has no second nixpkgs, so NixOS cannot pass the module its "unstable" argument; ${ADD_UNSTABLE}, or use pkgs from the main nixpkgs`;
      default:
        return where satisfies never;
    }
  },
};
