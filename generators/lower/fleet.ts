/**
 * Lower one host file or module file, once per fleet. The same lowering feeds the file itself,
 * the per-host port-conflict check and the inventory; the validated model is read-only, so the
 * result is kept per configuration object instead of being computed again for each of them.
 */
import type { ConfigBody } from "../../dsl/config-body.ts";
import type { Entry, Fleet } from "../model/fleet.ts";
import { lowerBody } from "./body.ts";
import type { Contribution } from "./contribution.ts";

const lowered = new WeakMap<Fleet, WeakMap<ConfigBody, Contribution>>();

/**
 * What `entry` contributes: a host's own file when `entry` is that host (`hostName` set), or a
 * shared module (`hostName` undefined), which is lowered once whichever hosts use it.
 */
export const lowerEntry = (fleet: Fleet, entry: Entry<ConfigBody>, hostName: string | undefined): Contribution => {
  const ofFleet = lowered.get(fleet) ?? new WeakMap<ConfigBody, Contribution>();
  lowered.set(fleet, ofFleet);
  const known = ofFleet.get(entry.config);
  if (known) return known;
  const contribution = lowerBody(entry.config, { fleet, hostName, origin: { file: entry.file, objectPath: [] } });
  ofFleet.set(entry.config, contribution);
  return contribution;
};
