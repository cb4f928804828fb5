/**
 * Docker → `virtualisation.docker`, and the `docker` group for the users allowed to run
 * containers (merged with their other groups by the option tree, as NixOS merges lists).
 */
import type { DockerConfig } from "./schema.ts";
import { child } from "../../generators/diagnostics/diagnostic.ts";
import type { Definition, Lowering } from "../../generators/lower/contribution.ts";
import { fieldDefinitions, setFields } from "../../generators/lower/emit.ts";

/** Docker: enable, pruning, drivers, boot start; users join the `docker` group. No ports. */
export const lowerDocker: Lowering<DockerConfig> = (docker, context) => {
  const origin = context.origin;
  const prefix = ["virtualisation", "docker"];
  const prune = docker.autoPrune;
  const definitions: Definition[] = [
    { path: [...prefix, "enable"], value: true, origin },
    ...(prune
      ? [
          {
            path: [...prefix, "autoPrune"],
            value: setFields({ enable: true, dates: prune.dates, flags: prune.flags.length ? prune.flags : undefined }),
            origin: child(origin, "autoPrune"),
          },
        ]
      : []),
    ...fieldDefinitions(prefix, origin, {
      storageDriver: docker.storageDriver,
      logDriver: docker.logDriver,
      enableOnBoot: docker.enableOnBoot,
    }),
    ...docker.users.map((user, index) => ({
      path: ["users", "users", user, "extraGroups"],
      value: ["docker"],
      origin: child(origin, "users", index),
    })),
  ];
  return { definitions, ports: [], diagnostics: [] };
};
