/** Messages of the checks that still word their own (see `codes/prose.ts`). */
import type { Prose, ProseFields } from "../codes/prose.ts";
import type { Renderers } from "./renderer.ts";

const worded = (data: Prose): string => data.message;

/** Every prose code says what its check wrote. */
export const proseMessages: Renderers<ProseFields> = {
  "conflicting-definitions": worded,
  "deploy-without-keys": worded,
  "duplicate-home": worded,
  "duplicate-overlay-package": worded,
  "load-error": worded,
  "missing-acme-account": worded,
  "missing-config": worded,
  "missing-default-export": worded,
  "missing-group": worded,
  "missing-host-file": worded,
  "missing-listen-port": worded,
  "missing-public-key": worded,
  "per-host-home-folder": worded,
  "syntax-error": worded,
  "unknown-wireguard-interface": worded,
  "unprintable-value": worded,
  "unsupported-restart-units": worded,
  "wireguard-join-self": worded,
  "wireguard-needs-host": worded,
  "wrong-definition": worded,
};
