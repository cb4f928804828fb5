/**
 * The adapter for checks not yet converted to typed fields: their message is still written at the
 * check. Each code here moves to its subsystem's fields (and its words to `messages/`) when its
 * check is converted; `proseError` finds the sites that remain.
 */

/** A message already worded by the check. */
export interface Prose {
  /** What is wrong and what would be valid. */
  readonly message: string;
}

/** Codes whose checks still word their own message. */
export interface ProseFields {

  readonly "conflicting-definitions": Prose;
  readonly "deploy-without-keys": Prose;
  readonly "duplicate-home": Prose;
  readonly "duplicate-overlay-package": Prose;
  readonly "load-error": Prose;
  readonly "missing-acme-account": Prose;
  readonly "missing-config": Prose;
  readonly "missing-default-export": Prose;
  readonly "missing-group": Prose;
  readonly "missing-host-file": Prose;
  readonly "missing-listen-port": Prose;
  readonly "missing-public-key": Prose;
  readonly "per-host-home-folder": Prose;
  readonly "syntax-error": Prose;
  readonly "unknown-wireguard-interface": Prose;
  readonly "unprintable-value": Prose;
  readonly "unsupported-restart-units": Prose;
  readonly "wireguard-join-self": Prose;
  readonly "wireguard-needs-host": Prose;
  readonly "wrong-definition": Prose;
}
