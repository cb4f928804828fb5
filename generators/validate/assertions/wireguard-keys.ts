/**
 * WireGuard (`nixos/modules/services/networking/wireguard.nix`): each interface needs exactly one
 * of `privateKey` and `privateKeyFile`, `generatePrivateKeyFile` excludes `privateKey`, and a
 * peer takes `presharedKey` or `presharedKeyFile`, not both. The typed `wireguard({ … })` always
 * writes `privateKeyFile`; this judges interfaces as merged with raw `nixos` blocks.
 */
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { refused, refusing, type HostAssertion } from "./assertion.ts";
import { booleanOf, isSet, type HostOptions } from "./host-options.ts";

const checkInterface = (options: HostOptions, name: string): ReturnType<HostAssertion> => {
  const option = (...path: string[]) => options.get("networking", "wireguard", "interfaces", name, ...path);
  const fallback: SourceOrigin = { file: options.host.file, objectPath: [] };
  const at = (...path: string[]): SourceOrigin => option(...path)?.origins.at(-1) ?? option()?.origins[0] ?? fallback;
  const key = isSet(option("privateKey"));
  const keyFile = isSet(option("privateKeyFile"));
  const problems = [];
  if (key !== undefined && keyFile !== undefined && key === keyFile) {
    const both = key;
    const interfaceOrigin = options.originOf("networking", "wireguard", "interfaces", name) ?? fallback;
    problems.push(
      refusing(options, !both)(
        "wireguard-private-key",
        both ? at("privateKey") : interfaceOrigin,
        both ? `WireGuard interface ${name} sets both privateKey and privateKeyFile` : `WireGuard interface ${name} sets neither privateKey nor privateKeyFile`,
        `Either networking.wireguard.interfaces.${name}.privateKey or networking.wireguard.interfaces.${name}.privateKeyFile must be set.`,
        both
          ? "keep only the key file (privateKey: secret(\"wg-key\") in wireguard({ … }) writes privateKeyFile); a privateKey in Nix would also land in the world-readable Nix store"
          : 'declare the interface with wireguard({ … }) and privateKey: secret("wg-key"), or set privateKeyFile to a file on the host',
        both ? [at("privateKeyFile")] : undefined,
      ),
    );
  }
  if (booleanOf(option("generatePrivateKeyFile")) === true && key === true) {
    problems.push(
      refused(
        "wireguard-private-key",
        at("generatePrivateKeyFile"),
        `WireGuard interface ${name} generates its key file but also sets privateKey`,
        `networking.wireguard.interfaces.${name}.generatePrivateKeyFile must not be set if networking.wireguard.interfaces.${name}.privateKey is set.`,
        "remove generatePrivateKeyFile, or the privateKey",
        [at("privateKey")],
      ),
    );
  }
  const peers = option("peers");
  if (peers && Array.isArray(peers.value)) {
    for (const peer of peers.value) {
      if (typeof peer !== "object" || peer === null || Array.isArray(peer)) continue;
      const fields = peer as Readonly<Record<string, unknown>>;
      if (fields["presharedKey"] != null && fields["presharedKeyFile"] != null) {
        problems.push(
          refused(
            "wireguard-preshared-key",
            peers.origins.at(-1) ?? fallback,
            `a peer of WireGuard interface ${name} sets both presharedKey and presharedKeyFile`,
            `networking.wireguard.interfaces.${name} peer «${String(fields["publicKey"])}» has both presharedKey and presharedKeyFile set, but only one can be used.`,
            'keep presharedKeyFile (presharedKey: secret("wg-psk") in wireguard({ … }) writes it)',
          ),
        );
      }
    }
  }
  return problems;
};

/** WireGuard interfaces NixOS would refuse. */
export const wireguardKeys: HostAssertion = (options) =>
  options.namesUnder("networking", "wireguard", "interfaces").flatMap((name) => checkInterface(options, name));
