/**
 * The NixOS and module assertions typeflake mirrors, run on every host's merged options before
 * anything is written (see docs/assertions.md for each and the assertion it mirrors).
 */
import type { Diagnostic } from "../../diagnostics/diagnostic.ts";
import type { FleetIndex } from "../../model/fleet-index.ts";
import { acmeAccount } from "./acme-account.ts";
import { agenixIdentity } from "./agenix-identity.ts";
import type { HostAssertion } from "./assertion.ts";
import { hostKeyRecipients } from "./host-key-recipients.ts";
import type { FleetOptions } from "./host-options.ts";
import { nginxTls } from "./nginx-tls.ts";
import { serviceSwitches } from "./service-switches.ts";
import { sopsKeySource } from "./sops-key-source.ts";
import { sopsOwnerGroup } from "./sops-owner-group.ts";
import { userAccountKind } from "./user-account-kind.ts";
import { userPasswords } from "./user-passwords.ts";
import { wireguardKeys } from "./wireguard-keys.ts";
import { zfsHostId } from "./zfs-host-id.ts";

const ASSERTIONS: readonly HostAssertion[] = [
  agenixIdentity,
  hostKeyRecipients,
  sopsKeySource,
  sopsOwnerGroup,
  zfsHostId,
  acmeAccount,
  nginxTls,
  wireguardKeys,
  userPasswords,
  userAccountKind,
  serviceSwitches,
];

/** Every mirrored assertion that fails on a host of the fleet of `index`, judged on the hosts' merged `options`. */
export const checkAssertions = (index: FleetIndex, options: FleetOptions): Diagnostic[] =>
  options.flatMap((host) => ASSERTIONS.flatMap((assertion) => assertion(host, index)));
