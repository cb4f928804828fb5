/**
 * Definition files where typeflake does not load definitions from: found on disk, reported at
 * their default export when nothing imports them, and left alone when a fleet file does.
 */
import { afterAll, describe, expect, it } from "vitest";
import { findMisplacedDefinitions } from "../../generators/load/misplaced-definitions.ts";
import { loadAndValidate } from "../../generators/load/index.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { fleetFile, hostFile, moduleFile } from "../diagnostics/support/fleet-text.ts";
import { removeFleet, writeFleet, type FleetFiles } from "../diagnostics/support/temp-fleet.ts";

const roots: string[] = [];
const fleetOnDisk = async (files: FleetFiles) => {
  const root = await writeFleet(files);
  roots.push(root);
  return root;
};
afterAll(() => Promise.all(roots.map(removeFleet)));

const WEB = hostFile(`  address: "10.0.0.2",`);
const HOME = `import { defineHome } from "typeflake";\nexport default defineHome({});\n`;

describe("files that look like definitions where none is loaded from", () => {
  it("finds script files in hosts/ and at any depth in modules/ and overlays/ that call a define* function", async () => {
    const root = await fleetOnDisk({
      "hosts/web.ts": WEB,
      "hosts/web.mts": WEB,
      "hosts/util.ts": "export const port = 80;\n",
      "hosts/types.d.ts": "export declare const defineHost: (x: unknown) => unknown;\n",
      "hosts/box/host.ts": WEB,
      "hosts/box/extra.ts": WEB,
      "modules/base.ts": moduleFile(`  nixos: {},`),
      "modules/base.js": moduleFile(`  nixos: {},`),
      "modules/web/nginx.ts": moduleFile(`  nixos: {},`),
      "modules/web/deeper/pin.tsx": `import { defineOverlay } from "typeflake";\nexport default defineOverlay({});\n`,
      "modules/node_modules/pkg/index.ts": moduleFile(`  nixos: {},`),
      "modules/.wip/old.ts": moduleFile(`  nixos: {},`),
      "overlays/pins/unstable.ts": `import { defineOverlay } from "typeflake";\nexport default defineOverlay({});\n`,
      "homes/bob.ts": HOME,
      "homes/carol.mts": HOME,
      "homes/alice/home.ts": HOME,
      "homes/alice/alice.ts": HOME,
      "homes/alice/lib.ts": "export const shell = 'fish';\n",
    });
    expect(await findMisplacedDefinitions(root)).toEqual([
      { file: "homes/alice/alice.ts", defines: "home" },
      { file: "homes/carol.mts", defines: "home" },
      { file: "hosts/web.mts", defines: "host" },
      { file: "hosts/web.ts", defines: "host" },
      { file: "modules/base.js", defines: "module" },
      { file: "modules/web/deeper/pin.tsx", defines: "overlay" },
      { file: "modules/web/nginx.ts", defines: "module" },
      { file: "overlays/pins/unstable.ts", defines: "overlay" },
    ]);
  });

  it("warns at the default export of each one no fleet file imports, with where it would be loaded from", async () => {
    const root = await fleetOnDisk({
      "typeflake.config.ts": fleetFile(),
      "hosts/box/host.ts": hostFile(`  address: "10.0.0.1",\n  modules: ["base"],`),
      "hosts/web.ts": WEB,
      "modules/base.ts": `import { make } from "./lib/make.ts";\n\nexport default make();\n`,
      "modules/lib/make.ts": `import { defineModule } from "typeflake";\n\nexport const make = () => defineModule({ nixos: {} });\n`,
      "modules/web/nginx.ts": moduleFile(`  nixos: {},`),
      "homes/alice/alice.ts": HOME,
    });
    const { fleet, diagnostics } = await loadAndValidate(root);
    expect(fleet?.hosts.map((host) => host.name)).toEqual(["box"]);
    expect(diagnostics.map((d) => [d.severity, d.code, `${d.origin.file}:${d.location?.line}:${d.location?.column}`, messageOf(d)])).toEqual([
      [
        "warning",
        "misplaced-definition",
        "homes/alice/alice.ts:2:16",
        "calls defineHome, but typeflake loads homes from homes/<user>.ts or homes/<user>/home.ts only and no fleet file imports this one, so it is left out of the flake: move it to homes/alice/home.ts, import it from a fleet file, or, if it is no home (a template, an old copy), move it out of hosts/, modules/, overlays/ and homes/",
      ],
      [
        "warning",
        "misplaced-definition",
        "hosts/web.ts:3:16",
        "calls defineHost, but typeflake loads hosts from hosts/<name>/host.ts only and no fleet file imports this one, so it is left out of the flake: move it to hosts/web/host.ts, import it from a fleet file, or, if it is no host (a template, an old copy), move it out of hosts/, modules/, overlays/ and homes/",
      ],
      [
        "warning",
        "misplaced-definition",
        "modules/web/nginx.ts:3:16",
        "calls defineModule, but typeflake loads modules from modules/<name>.ts only and no fleet file imports this one, so it is left out of the flake: move it to modules/nginx.ts, import it from a fleet file, or, if it is no module (a template, an old copy), move it out of hosts/, modules/, overlays/ and homes/",
      ],
    ]);
  });
});
