/**
 * Port conflicts on every host of a validated fleet: the ports claimed by the services of the
 * host's own file and of every module it uses, read from the same lowering that writes its Nix.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { lowerEntry } from "../lower/entry.ts";
import { bodiesOfHost } from "../lower/services/fleet-view.ts";
import type { Fleet } from "../model/fleet.ts";
import { checkPortClaims } from "./check-ports.ts";

/** Every port claimed by two services of one host, reported at the second claim. */
export const checkHostPorts = (fleet: Fleet): Diagnostic[] =>
  fleet.hosts.flatMap((host) =>
    checkPortClaims(
      host.name,
      bodiesOfHost(fleet, host).flatMap(
        (body) =>
          lowerEntry(fleet, body, body === host ? host.name : undefined).ports,
      ),
    ),
  );
