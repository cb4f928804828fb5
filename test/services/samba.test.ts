import { describe, expect, it } from "vitest";
import { sambaSchema } from "../../services/samba/schema.ts";
import { lowerSamba } from "../../services/samba/lower.ts";
import { buildFleet, schemaIssues, servicesContext, servicesOf } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

const context = (fleet = homelab()) => ({ ...servicesContext(fleet, { host: "nas" }), origin: { file: "hosts/nas/host.ts", objectPath: ["services", "samba"] } });

describe("samba lowering", () => {
  it("reproduces the seed's services.samba settings, located at the TypeScript that asked for them", () => {
    const fleet = homelab();
    const samba = servicesOf(fleet, "nas").samba!;
    const { definitions, ports, diagnostics } = lowerSamba(samba, context(fleet));
    expect(diagnostics).toEqual([]);
    expect(definitions).toEqual([
      { path: ["services", "samba", "enable"], value: true, origin: { file: "hosts/nas/host.ts", objectPath: ["services", "samba"] } },
      {
        path: ["services", "samba", "settings", "global"],
        value: { security: "user", "server min protocol": "SMB3" },
        origin: { file: "hosts/nas/host.ts", objectPath: ["services", "samba", "global"] },
      },
      {
        path: ["services", "samba", "settings", "media"],
        value: { path: "/tank/media", "read only": "no", "valid users": "media" },
        origin: { file: "hosts/nas/host.ts", objectPath: ["services", "samba", "shares", "media"] },
      },
      {
        path: ["services", "samba", "settings", "backups"],
        value: { path: "/tank/backups", "read only": "no", "valid users": "backup" },
        origin: { file: "hosts/nas/host.ts", objectPath: ["services", "samba", "shares", "backups"] },
      },
    ]);
    expect(ports.map(({ protocol, port, open }) => [protocol, port, open])).toEqual([
      ["tcp", 445, true],
      ["tcp", 139, true],
    ]);
  });

  it("writes every typed parameter with Samba's spelling, then the extra ones as written", () => {
    const samba = sambaSchema.parse({
      global: { workgroup: "LAB", serverString: "NAS", netbiosName: "NAS", mapToGuest: "Bad User", hostsAllow: ["10.0.20.0/24", "127.0.0.1"], extra: { "log level": 1, "load printers": false } },
      shares: {
        public: {
          path: "/tank/public",
          comment: "Everyone",
          browseable: true,
          guestOk: true,
          readOnly: true,
          validUsers: ["alice", "@family"],
          createMask: "0644",
          directoryMask: "0755",
          forceUser: "media",
          forceGroup: "media",
          extra: { "vfs objects": ["catia", "fruit"] },
        },
      },
      openFirewall: false,
    });
    const { definitions, ports } = lowerSamba(samba, context());
    expect(definitions.map((definition) => definition.value)).toEqual([
      true,
      { workgroup: "LAB", "server string": "NAS", "netbios name": "NAS", "map to guest": "Bad User", "hosts allow": "10.0.20.0/24 127.0.0.1", "log level": 1, "load printers": "no" },
      {
        path: "/tank/public",
        comment: "Everyone",
        "read only": "yes",
        browseable: "yes",
        "guest ok": "yes",
        "valid users": "alice @family",
        "create mask": "0644",
        "directory mask": "0755",
        "force user": "media",
        "force group": "media",
        "vfs objects": "catia fruit",
      },
    ]);
    expect(ports.every((port) => !port.open)).toBe(true);
  });

  it("leaves out [global] when nothing in it is set", () => {
    const fleet = buildFleet({ hosts: { nas: { address: "10.0.20.10", services: { samba: { shares: { media: { path: "/tank/media" } } } } } } });
    const paths = lowerSamba(servicesOf(fleet, "nas").samba!, context(fleet)).definitions.map((definition) => definition.path.join("."));
    expect(paths).toEqual(["services.samba.enable", "services.samba.settings.media"]);
  });
});

describe("samba schema", () => {
  const issues = (input: unknown) => schemaIssues(sambaSchema, input);

  it("refuses an extra parameter that has a typed field, naming the field", () => {
    expect(issues({ shares: { media: { path: "/tank/media", extra: { "read only": "no" } } } })).toEqual([
      { path: ["shares", "media", "extra", "read only"], message: '"read only" has a typed field: set `readOnly` instead' },
    ]);
    expect(issues({ global: { extra: { "server min protocol": "SMB3" } } })[0]?.message).toContain("set `serverMinProtocol` instead");
  });

  it("refuses a share called global, relative paths and unknown protocols", () => {
    expect(issues({ shares: { global: { path: "/x" } } })[0]?.message).toContain('"global" is the [global] section');
    expect(issues({ shares: { media: { path: "tank/media" } } })[0]).toMatchObject({ path: ["shares", "media", "path"] });
    expect(issues({ global: { serverMinProtocol: "SMB4" } })[0]?.message).toMatch(/one of "NT1", "SMB2", .*"SMB3_11"; got "SMB4"/);
  });

  it("refuses line breaks, which would start a parameter of their own in smb.conf", () => {
    expect(issues({ shares: { media: { path: "/tank/media", comment: "a\nguest ok = yes" } } })).toEqual([
      { path: ["shares", "media", "comment"], message: 'must be a single line: this value is written into a line-based configuration file, got "a\\nguest ok = yes"' },
    ]);
    expect(issues({ global: { extra: { "log file": ["a", "b\r"] } } })[0]?.path).toEqual(["global", "extra", "log file", 1]);
  });

  it("refuses unknown keys (strict objects)", () => {
    expect(issues({ shares: { media: { path: "/tank/media", readonly: false } } })[0]).toMatchObject({ path: ["shares", "media", "readonly"] });
  });
});
