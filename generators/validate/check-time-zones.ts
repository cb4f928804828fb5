/**
 * `time.timeZone` names a zone of the IANA time zone database. NixOS takes any string without a
 * space and links /etc/localtime to `zoneinfo/<zone>`: a misspelt zone builds, and the machine
 * silently keeps UTC. The database is the one Node's ICU carries (`Intl`), which knows the same
 * names and aliases as tzdata; tzdata's file names are case-sensitive, ICU is not, so a name
 * differing from a known one only in case is refused too. A warning: a zone newer than this
 * Node's ICU is still a zone.
 */
import { warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { closestNames } from "../diagnostics/suggest.ts";
import type { FleetOptions } from "./assertions/host-options.ts";

/** The canonical zone names, and `UTC`, which tzdata has and ICU's list leaves out. */
const knownZones = (): readonly string[] => [...Intl.supportedValuesOf("timeZone"), "UTC"];

/** Whether ICU knows `zone` (canonical or alias) in the case tzdata would need. */
const isZone = (zone: string, known: readonly string[]): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return false;
  }
  const folded = zone.toLowerCase();
  return !known.some((name) => name !== zone && name.toLowerCase() === folded);
};

/** Unknown time zones, once per place they are written. */
export const checkTimeZones = (options: FleetOptions): Diagnostic[] => {
  const seen = new Set<string>();
  // Judged once per zone: a fleet's hosts mostly share one, and each judgement reads ICU's whole list.
  const judged = new Map<string, boolean>();
  let known: readonly string[] | undefined;
  const zones = (): readonly string[] => (known ??= knownZones());
  const isKnown = (zone: string): boolean => {
    let verdict = judged.get(zone);
    if (verdict === undefined) judged.set(zone, (verdict = isZone(zone, zones())));
    return verdict;
  };
  return options.flatMap((host) => {
    const option = host.get("time", "timeZone");
    const zone = option?.value;
    const at = option?.origins.at(-1);
    if (typeof zone !== "string" || !at) return [];
    const key = `${at.file}\0${at.objectPath.join("\0")}`;
    if (seen.has(key) || isKnown(zone)) return [];
    seen.add(key);
    const [suggestion] = closestNames(zone, zones());
    const caseOf = zones().find((name) => name.toLowerCase() === zone.toLowerCase());
    return [warning("unknown-time-zone", at, { timeZone: zone, ...((caseOf ?? suggestion) !== undefined && { suggestion: caseOf ?? suggestion }) })];
  });
};
