/** Words of the assertions' diagnostics (`codes/assertions.ts`). */
import type { AssertionFields, Refusal } from "../codes/assertions.ts";
import type { Renderers } from "./renderer.ts";

/** ` unless its hand-written hosts/nas/hardware.nix sets it …`: the build decides, for a host that imports hand-written Nix. */
const unlessSetIn = (files: readonly string[] | undefined): string =>
  files === undefined || files.length === 0
    ? ""
    : ` unless ${files.length === 1 ? "its hand-written" : "one of its hand-written files"} ${files.join(", ")} sets it (typeflake does not read hand-written Nix)`;

/** `<problem>, so the build would fail with "<NixOS's message>"; <fix>`. */
export const refusal = ({ problem, nixos, fix, unlessSetIn: files }: Refusal): string =>
  `${problem}, so the build would fail with "${nixos}"${unlessSetIn(files)}; ${fix}`;

const USERS_MESSAGE =
  "has multiple of the options `initialHashedPassword`, `hashedPassword`, `initialPassword`, `password` & `hashedPasswordFile` set to a non-null value.";

const undecryptable = ({ host, address, decrypts, identity }: AssertionFields["host-key-not-decryptable"]): string => {
  const label = `host ${JSON.stringify(host)}`;
  if (decrypts === "sops")
    return `is an SSH key, but sops encrypts only to age recipients (.sops.yaml's age: list), so ${label} could not decrypt its secrets; write its age key instead, converted from the SSH host key with \`ssh-keyscan -t ed25519 ${address} | ssh-to-age\``;
  if (decrypts === "ssh-host-key")
    return `is an age key, but ${label} decrypts its agenix secrets with its SSH host key (age.identityPaths defaults to the OpenSSH host keys), which cannot decrypt files encrypted to an age1… recipient; write the host's SSH public key instead (the line of /etc/ssh/ssh_host_ed25519_key.pub, e.g. from \`ssh-keyscan -t ed25519 ${address}\`), or set secrets.ageKeyFile to the age identity file on the host`;
  return `is an SSH key, but ${label} decrypts its agenix secrets with the age identity ${identity} (secrets.ageKeyFile), which cannot decrypt files encrypted to an SSH recipient; write that identity's age public key (\`age-keygen -y ${identity}\`), or remove secrets.ageKeyFile to decrypt with the SSH host keys`;
};

/** One renderer per assertion code. */
export const assertionMessages: Renderers<AssertionFields> = {
  "host-key-not-decryptable": undecryptable,
  "conflicting-passwords": ({ user, options }) =>
    `user ${JSON.stringify(user)} sets ${options.join(" and ")}, so NixOS keeps one by an order of precedence and warns "The user '${user}' ${USERS_MESSAGE}"; ` +
    'keep one: hashedPasswordFile: secret("users/<name>-password") keeps the hash out of the Nix store',
  "acme-missing-email": refusal,
  "acme-terms-not-accepted": refusal,
  "agenix-no-identity": refusal,
  "exporter-filter-without-firewall": refusal,
  "nginx-acme-twice": refusal,
  "nginx-missing-certificate": refusal,
  "nginx-root-and-alias": refusal,
  "nginx-ssl-modes": refusal,
  "samba-nsswins-without-winbindd": refusal,
  "sops-no-key-source": refusal,
  "sops-owner-not-a-user": refusal,
  "ssh-listen-without-address": refusal,
  "ssh-x11-without-xauth": refusal,
  "undeclared-user": refusal,
  "wireguard-preshared-key": refusal,
  "wireguard-private-key": refusal,
  "zfs-needs-host-id": (data) => {
    if ("nixos" in data) return refusal(data);
    const sources = data.pools.map(
      ({ pools, module }) => `${pools.map((pool) => JSON.stringify(pool)).join(", ")}${module === undefined ? "" : ` (from module ${JSON.stringify(module)})`}`,
    );
    return (
      `ZFS needs networking.hostId: host ${JSON.stringify(data.host)} imports ZFS pools (${sources.join("; ")}) but sets no host id${unlessSetIn(data.unlessSetIn)}. ` +
      'Add zfs: { hostId: "a1b2c3d4" } with 8 hex digits unique to this machine (e.g. from `head -c4 /dev/urandom | od -A none -t x4`)'
    );
  },
};
