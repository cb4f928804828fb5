import { writeSyntheticFleet } from "/work/main/bench/synthetic/write-fleet.ts";
for (const layout of ["folders", "one-file"] as const)
  await writeSyntheticFleet(`/work/main/bench/.fleets/try-${layout}`, { hosts: 3, layout, topology: "hub" });
