/**
 * Fields of the diagnostics of the NixOS and module assertions typeflake checks before writing
 * (`generators/validate/assertions/`): what is wrong, the message NixOS would fail the build
 * with, and the fix.
 */

/** A definition NixOS (or a module) would refuse. */
export interface Refusal {
  /** What is wrong, in the user's terms, e.g. `host "nas" uses ZFS but sets no networking.hostId`. */
  readonly problem: string;
  /** The assertion message the build would fail with, quoted from NixOS or the module. */
  readonly nixos: string;
  /** What would be valid. */
  readonly fix: string;
  /**
   * The hand-written Nix files the host imports, when what is missing may be set in one of them:
   * typeflake does not read them, so the problem is then a warning (the build decides).
   */
  readonly unlessSetIn?: readonly string[];
}

/** Pools a host imports, written in the host file or (`module`) in a module it uses. */
export interface ZfsPools {
  readonly pools: readonly string[];
  readonly module?: string;
}

/** Code → fields. */
export interface AssertionFields {
  /**
   * A host key in `secrets.hostKeys` the host could not decrypt with: an SSH key where sops needs
   * age, an age key where agenix decrypts with the SSH host key, or an SSH key where agenix
   * decrypts with the age `identity` file.
   */
  readonly "host-key-not-decryptable": {
    readonly host: string;
    readonly address: string;
    readonly key: "ssh" | "age";
    readonly decrypts: "sops" | "ssh-host-key" | "age-identity";
    readonly identity?: string;
  };
  /** A user with more than one of the password options set. */
  readonly "conflicting-passwords": { readonly user: string; readonly options: readonly string[] };
  readonly "acme-missing-email": Refusal;
  readonly "acme-terms-not-accepted": Refusal;
  readonly "agenix-no-identity": Refusal;
  readonly "exporter-filter-without-firewall": Refusal;
  readonly "nginx-acme-twice": Refusal;
  readonly "nginx-missing-certificate": Refusal;
  readonly "nginx-root-and-alias": Refusal;
  readonly "nginx-ssl-modes": Refusal;
  readonly "samba-nsswins-without-winbindd": Refusal;
  readonly "sops-no-key-source": Refusal;
  /** A sops secret owned by a user the host does not declare, without a group (sops-nix reads the owner's). */
  readonly "sops-owner-not-a-user": Refusal;
  readonly "ssh-listen-without-address": Refusal;
  /** A `users.users` entry neither a normal nor a system account (only groups added, as `docker({ users })` adds them). */
  readonly "undeclared-user": Refusal;
  readonly "ssh-x11-without-xauth": Refusal;
  readonly "wireguard-preshared-key": Refusal;
  readonly "wireguard-private-key": Refusal;
  /** ZFS without a host id: from a raw option (`Refusal`), or from the pools the host imports (`unlessSetIn`: as in `Refusal`). */
  readonly "zfs-needs-host-id": Refusal | { readonly host: string; readonly pools: readonly ZfsPools[]; readonly unlessSetIn?: readonly string[] };
}
