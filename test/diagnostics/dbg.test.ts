import { it } from "vitest";
import { loadAndValidate } from "../../generators/load/index.ts";
import { writeFleet } from "./support/temp-fleet.ts";
import { BASE_FLEET } from "./support/fleet-text.ts";
it("dbg", async () => {
  const root = await writeFleet({ ...BASE_FLEET, "hosts/nas/host.ts": `import { defineHots } from "typeflake";\n\nexport default defineHots({ address: "10.0.20.10" });\n` });
  const r = await loadAndValidate(root);
  console.log(JSON.stringify(r.diagnostics, null, 1));
});
