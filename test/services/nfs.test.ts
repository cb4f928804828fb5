import { describe, expect, it } from "vitest";
import { host } from "../../dsl/expressions.ts";
import { nfsSchema } from "../../services/nfs/schema.ts";
import { lowerNfsMounts } from "../../services/nfs-mounts/lower.ts";
import { exportsPath, lowerNfs } from "../../services/nfs/lower.ts";
import { buildFleet, schemaIssues, servicesContext, servicesOf } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

const at = (fleet: ReturnType<typeof homelab>, owner: string, service: string) => {
  const base = servicesContext(fleet, { host: owner });
  return { ...base, origin: { ...base.origin, objectPath: ["services", service] } };
};

describe("nfs lowering", () => {
  it("renders the seed's exports text and claims TCP 2049", () => {
    const fleet = homelab();
    const { definitions, ports } = lowerNfs(servicesOf(fleet, "nas").nfs!, at(fleet, "nas", "nfs"));
    expect(definitions).toEqual([
      { path: ["services", "nfs", "server", "enable"], value: true, origin: { file: "hosts/nas/host.ts", objectPath: ["services", "nfs"] } },
      {
        path: ["services", "nfs", "server", "exports"],
        value: "/tank/media 10.0.20.0/24(rw,sync,no_subtree_check)\n",
        origin: { file: "hosts/nas/host.ts", objectPath: ["services", "nfs", "exports"] },
      },
    ]);
    expect(ports).toEqual([{ protocol: "tcp", port: 2049, service: "nfs", open: true, origin: { file: "hosts/nas/host.ts", objectPath: ["services", "nfs"] } }]);
  });

  it("writes one line per export, several clients per line, host references as addresses", () => {
    const fleet = buildFleet({
      hosts: {
        nas: {
          address: "10.0.20.10",
          services: {
            nfs: {
              exports: [
                { path: "/tank/media", clients: [{ host: host("compute"), options: ["rw", "sync", "no_subtree_check", "anonuid=1000"] }, { host: "*.lab.local" }] },
                { path: "/tank/my films", clients: [{ host: "fd00::/64", options: ["ro", "fsid=1"] }] },
              ],
              openFirewall: false,
            },
          },
        },
        compute: { address: "10.0.20.11" },
      },
    });
    const { definitions, ports } = lowerNfs(servicesOf(fleet, "nas").nfs!, at(fleet, "nas", "nfs"));
    expect(definitions[1]?.value).toBe(
      "/tank/media 10.0.20.11(rw,sync,no_subtree_check,anonuid=1000) *.lab.local(ro,sync,no_subtree_check)\n" +
        "/tank/my\\040films fd00::/64(ro,fsid=1)\n",
    );
    expect(ports[0]?.open).toBe(false);
  });

  it("escapes white space, comments and backslashes in paths the way exportfs reads them", () => {
    expect(exportsPath("/srv/a b\t#c\\d(e)")).toBe("/srv/a\\040b\\011\\043c\\134d\\050e\\051");
    expect(exportsPath("/srv/straße")).toBe("/srv/stra\\303\\237e");
  });
});

describe("nfs schema", () => {
  const issues = (input: unknown) => schemaIssues(nfsSchema, input);

  it("accepts exports(5) options and refuses others, listing the valid ones", () => {
    expect(issues({ exports: [{ path: "/x", clients: [{ host: "10.0.0.0/8", options: ["rw", "fsid=0", "sec=krb5p", "no_root_squash"] }] }] })).toEqual([]);
    const [problem] = issues({ exports: [{ path: "/x", clients: [{ host: "10.0.0.0/8", options: ["rw", "nosuid"] }] }] });
    expect(problem?.path).toEqual(["exports", 0, "clients", 0, "options", 1]);
    expect(problem?.message).toMatch(/^must be an exports\(5\) option: one of rw, ro, .*no_subtree_check.*; got "nosuid"$/);
  });

  it("refuses contradicting options, duplicate paths, empty client lists and bad client hosts", () => {
    expect(issues({ exports: [{ path: "/x", clients: [{ host: "*", options: ["rw", "sync", "ro"] }] }] })).toEqual([
      { path: ["exports", 0, "clients", 0, "options", 2], message: '"rw" and "ro" contradict each other; keep one' },
    ]);
    expect(issues({ exports: [{ path: "/x", clients: [{ host: "*" }] }, { path: "/x", clients: [{ host: "*" }] }] })).toEqual([
      { path: ["exports", 1, "path"], message: '"/x" is already exported; list all its clients in one entry' },
    ]);
    expect(issues({ exports: [{ path: "/x", clients: [] }] })[0]?.message).toContain("at least one client");
    expect(issues({ exports: [{ path: "/x", clients: [{ host: "10.0.0.0/99" }] }] })[0]?.path).toEqual(["exports", 0, "clients", 0, "host"]);
    expect(issues({ exports: [{ path: "/x", clients: [{ host: host("compute").port(2049) }] }] })[0]?.path).toEqual(["exports", 0, "clients", 0, "host"]);
  });

  it("defaults client options to read-only", () => {
    expect(nfsSchema.parse({ exports: [{ path: "/x", clients: [{ host: "*" }] }] }).exports[0]?.clients[0]?.options).toEqual(["ro", "sync", "no_subtree_check"]);
  });
});

describe("nfs mounts lowering", () => {
  it("mounts the server's export by its address, on demand by default", () => {
    const fleet = buildFleet({
      hosts: {
        nas: { address: "10.0.20.10" },
        v6: { address: "fd00::10" },
        compute: {
          address: "10.0.20.11",
          services: {
            nfsMounts: {
              "/mnt/media": { host: host("nas"), export: "/tank/media" },
              "/mnt/v6": { host: host("v6"), export: "/srv", options: ["nfsvers=4.2"] },
            },
          },
        },
      },
    });
    const { definitions } = lowerNfsMounts(servicesOf(fleet, "compute").nfsMounts!, at(fleet, "compute", "nfsMounts"));
    expect(definitions).toEqual([
      {
        path: ["fileSystems", "/mnt/media"],
        value: { device: "10.0.20.10:/tank/media", fsType: "nfs", options: ["x-systemd.automount", "noauto", "_netdev"] },
        origin: { file: "hosts/compute/host.ts", objectPath: ["services", "nfsMounts", "/mnt/media"] },
      },
      {
        path: ["fileSystems", "/mnt/v6"],
        value: { device: "[fd00::10]:/srv", fsType: "nfs", options: ["nfsvers=4.2"] },
        origin: { file: "hosts/compute/host.ts", objectPath: ["services", "nfsMounts", "/mnt/v6"] },
      },
    ]);
  });
});
