/**
 * The reference homelab for the service tests: the repository's own fleet (typeflake.config.ts,
 * hosts/, modules/), its definitions imported and parsed by the real schemas on every call. Its
 * overlay and homes are left out: no service test reads them.
 */
import type { Fleet } from "../../../generators/model/fleet.ts";
import config from "../../../typeflake.config.ts";
import compute from "../../../hosts/compute/host.ts";
import gateway from "../../../hosts/gateway/host.ts";
import nas from "../../../hosts/nas/host.ts";
import common from "../../../modules/common.ts";
import dockerHost from "../../../modules/docker-host.ts";
import monitoring from "../../../modules/monitoring.ts";
import networking from "../../../modules/networking.ts";
import { buildFleet } from "./fleet.ts";

/** A fresh copy of the homelab fleet, validated by the real schemas. */
export const homelab = (): Fleet =>
  buildFleet({
    config,
    hosts: { nas, compute, gateway },
    modules: { common, monitoring, "docker-host": dockerHost, networking },
  });
