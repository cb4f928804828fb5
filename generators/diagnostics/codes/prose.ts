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

  readonly "clear-text-secret": Prose;
  readonly "conflicting-definitions": Prose;
  readonly "conflicting-passwords": Prose;
  readonly "deploy-without-keys": Prose;
  readonly "duplicate-address": Prose;
  readonly "duplicate-home": Prose;
  readonly "duplicate-host-id": Prose;
  readonly "duplicate-host-key": Prose;
  readonly "duplicate-hostname": Prose;
  readonly "duplicate-overlay-package": Prose;
  readonly "duplicate-tunnel-address": Prose;
  readonly "duplicate-wireguard-key": Prose;
  readonly "home-name-clash": Prose;
  readonly "host-key-not-decryptable": Prose;
  readonly "invalid-package": Prose;
  readonly "load-error": Prose;
  readonly "missing-acme-account": Prose;
  readonly "missing-config": Prose;
  readonly "missing-default-export": Prose;
  readonly "missing-file": Prose;
  readonly "missing-group": Prose;
  readonly "missing-host-file": Prose;
  readonly "missing-input": Prose;
  readonly "missing-listen-port": Prose;
  readonly "missing-public-key": Prose;
  readonly "missing-secret-file": Prose;
  readonly "missing-shared-home": Prose;
  readonly "nfs-client-not-allowed": Prose;
  readonly "nfs-export-missing": Prose;
  readonly "nfs-server-missing": Prose;
  readonly "path-outside-fleet": Prose;
  readonly "peer-allowed-ips-mismatch": Prose;
  readonly "per-host-home-folder": Prose;
  readonly "raw-nix-syntax": Prose;
  readonly "secret-in-home": Prose;
  readonly "secret-not-decryptable": Prose;
  readonly "secrets-not-configured": Prose;
  readonly "syntax-error": Prose;
  readonly "unknown-host": Prose;
  readonly "unknown-input": Prose;
  readonly "unknown-module": Prose;
  readonly "unknown-secret": Prose;
  readonly "unknown-wireguard-interface": Prose;
  readonly "unprintable-value": Prose;
  readonly "unreadable-value": Prose;
  readonly "unstable-in-home": Prose;
  readonly "unstable-not-configured": Prose;
  readonly "unsupported-restart-units": Prose;
  readonly "unused-home": Prose;
  readonly "upstream-port-closed": Prose;
  readonly "user-not-on-host": Prose;
  readonly "wireguard-join-self": Prose;
  readonly "wireguard-needs-host": Prose;
  readonly "wrong-definition": Prose;
}
