import { describe, expect, it } from "vitest";
import { mkDefault, mkForce, mkIf, mkMerge, nix, pkg } from "../../dsl/expressions.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { definitionConflicts, type DefinitionFile } from "../../generators/options/definition-conflicts.ts";
import { shippedOptionIndex } from "../../generators/options/shipped.ts";

/** A raw `nixos` block of `file`, as lowering hands it over. */
const block = (file: string, nixos: unknown): DefinitionFile => ({
  definitions: [{ path: [], value: nixos as never, origin: { file, objectPath: ["nixos"] } }],
});
const hostFile = (nixos: unknown) => block("hosts/box/host.ts", nixos);
const moduleFile = (nixos: unknown) => block("modules/base.ts", nixos);

/** Each conflict as `reason @ file:object path (related files)`. */
const conflicts = (...files: DefinitionFile[]): string[] =>
  definitionConflicts(shippedOptionIndex(), files).map((diagnostic) =>
    diagnostic.code === "conflicting-option-definitions"
      ? `${diagnostic.data.reason} @ ${diagnostic.origin.file}:${diagnostic.origin.objectPath.join("/")} (${diagnostic.related?.map((place) => place.file).join(", ")})`
      : diagnostic.code,
  );

describe("definitions of one option in a host file and a module", () => {
  it("refuses different values of a type merged by equality (str, enum, bool, int)", () => {
    expect(
      conflicts(
        hostFile({ time: { timeZone: "Europe/Berlin" }, services: { openssh: { enable: true, settings: { PermitRootLogin: "yes" } } }, users: { groups: { media: { gid: 1000 } } } }),
        moduleFile({ time: { timeZone: "UTC" }, services: { openssh: { enable: false, settings: { PermitRootLogin: "no" } } }, users: { groups: { media: { gid: 1001 } } } }),
      ),
    ).toEqual([
      "different-values @ modules/base.ts:nixos/time/timeZone (hosts/box/host.ts)",
      "different-values @ modules/base.ts:nixos/services/openssh/enable (hosts/box/host.ts)",
      "different-values @ modules/base.ts:nixos/services/openssh/settings/PermitRootLogin (hosts/box/host.ts)",
      "different-values @ modules/base.ts:nixos/users/groups/media/gid (hosts/box/host.ts)",
    ]);
  });

  it("weighs the outer of two mkOverrides, as filterOverrides takes off one (the inner stays in a sysctl value)", () => {
    // Both at mkForce's 50: NixOS refuses the pair. By the inner mkDefault the host's would lose.
    expect(conflicts(hostFile({ boot: { kernel: { sysctl: { "vm.swappiness": mkForce(mkDefault(10) as never) } } } }), moduleFile({ boot: { kernel: { sysctl: { "vm.swappiness": mkForce(20) } } } }))).toEqual([
      "unique @ modules/base.ts:nixos/boot/kernel/sysctl/vm.swappiness (hosts/box/host.ts)",
    ]);
    // mkForce around a set of options is pushed down to the options in it (sysctl itself), where it
    // wins against the module's whole definition; so does one on the option.
    for (const host of [{ kernel: mkForce({ sysctl: { "vm.swappiness": mkDefault(10) } }) }, { kernel: { sysctl: mkForce({ "vm.swappiness": mkDefault(10) }) } }]) {
      expect(conflicts(hostFile({ boot: host }), moduleFile({ boot: { kernel: { sysctl: { "vm.swappiness": mkForce(20) } } } }))).toEqual([]);
    }
  });

  it("refuses two definitions of a type that takes one only, even equal ones (package, sysctl value)", () => {
    expect(
      conflicts(
        hostFile({ boot: { kernel: { sysctl: { "net.ipv4.ip_forward": 1 } } }, services: { sanoid: { package: pkg("sanoid") } } }),
        moduleFile({ boot: { kernel: { sysctl: { "net.ipv4.ip_forward": 1 } } }, services: { sanoid: { package: pkg("sanoid") } } }),
      ),
    ).toEqual([
      "unique @ modules/base.ts:nixos/boot/kernel/sysctl/net.ipv4.ip_forward (hosts/box/host.ts)",
      "unique @ modules/base.ts:nixos/services/sanoid/package (hosts/box/host.ts)",
    ]);
  });

  it("refuses null beside a value of a `null or X` option", () => {
    expect(conflicts(hostFile({ services: { openssh: { settings: { PermitRootLogin: null } } } }), moduleFile({ services: { openssh: { settings: { PermitRootLogin: "no" } } } }))).toEqual([
      "null-and-not-null @ modules/base.ts:nixos/services/openssh/settings/PermitRootLogin (hosts/box/host.ts)",
    ]);
  });

  it("accepts what NixOS merges: equal values, lists, lines, distinct attribute names, a winning priority", () => {
    expect(
      conflicts(
        hostFile({
          time: { timeZone: "UTC" },
          networking: { firewall: { allowedTCPPorts: [22] } },
          services: { nfs: { server: { exports: "/a *(ro)" } }, openssh: { settings: { PermitRootLogin: mkForce("no") } } },
          users: { groups: { media: { gid: 1000 } } },
          boot: { kernel: { sysctl: { "vm.swappiness": 10 } } },
        }),
        moduleFile({
          time: { timeZone: "UTC" },
          networking: { firewall: { allowedTCPPorts: [80] } },
          services: { nfs: { server: { exports: "/b *(ro)" } }, openssh: { settings: { PermitRootLogin: "yes" } } },
          users: { groups: { backup: { gid: 1001 } } },
          boot: { kernel: { sysctl: { "net.ipv4.ip_forward": 1 } } },
        }),
      ),
    ).toEqual([]);
  });

  it("converts before merging where a type is coerced (`lines or list of string convertible to it`)", () => {
    expect(conflicts(hostFile({ services: { nfs: { server: { exports: "/a *(ro)" } } }, systemd: { services: { a: { jobScripts: "/a" } } } }), moduleFile({ services: { nfs: { server: { exports: "/b *(ro)" } } }, systemd: { services: { a: { jobScripts: ["/b"] } } } }))).toEqual([]);
  });

  it("weighs mkDefault and mkForce, also on a whole set of options", () => {
    expect(conflicts(hostFile({ time: { timeZone: "UTC" } }), moduleFile({ time: mkDefault({ timeZone: "Europe/Berlin" }) }))).toEqual([]);
    expect(conflicts(hostFile({ time: mkForce({ timeZone: "UTC" }) }), moduleFile({ time: { timeZone: mkForce("Europe/Berlin") } }))).toEqual([
      "different-values @ modules/base.ts:nixos/time/timeZone (hosts/box/host.ts)",
    ]);
    expect(conflicts(hostFile({ time: { timeZone: mkDefault("UTC") } }), moduleFile({ time: { timeZone: mkDefault("Europe/Berlin") } }))).toEqual([
      "different-values @ modules/base.ts:nixos/time/timeZone (hosts/box/host.ts)",
    ]);
  });

  it("says nothing where only Nix can tell: raw Nix, a Nix condition", () => {
    expect(conflicts(hostFile({ time: { timeZone: nix`"UTC"` } }), moduleFile({ time: { timeZone: "Europe/Berlin" } }))).toEqual([]);
    expect(conflicts(hostFile({ time: { timeZone: mkIf(nix`true`, "UTC") } }), moduleFile({ time: { timeZone: "Europe/Berlin" } }))).toEqual([]);
    expect(conflicts(hostFile({ time: { timeZone: mkIf(false, "UTC") } }), moduleFile({ time: { timeZone: "Europe/Berlin" } }))).toEqual([]);
  
  });

  it("still judges definitions sure to apply beside a conditional one that loses anyway, or a conditional set of options", () => {
    const conditional = block("modules/extra.ts", { time: mkIf(nix`config.x`, { timeZone: mkDefault("Asia/Tokyo") }) });
    expect(conflicts(hostFile({ time: { timeZone: "UTC" } }), moduleFile({ time: { timeZone: "Europe/Berlin" } }), conditional)).toEqual([
      "different-values @ modules/base.ts:nixos/time/timeZone (hosts/box/host.ts)",
    ]);
    const winning = block("modules/extra.ts", { time: mkIf(nix`config.x`, { timeZone: mkForce("Asia/Tokyo") }) });
    expect(conflicts(hostFile({ time: { timeZone: "UTC" } }), moduleFile({ time: { timeZone: "Europe/Berlin" } }), winning)).toEqual([]);
  });

  it("merges settings formats and `anything` as NixOS does: sets by name, scalars and (for anything) lists by equality", () => {
    expect(
      conflicts(
        hostFile({ services: { grafana: { settings: { server: { http_port: 3000 } } }, caddy: { settings: { apps: { a: [1] } } } } }),
        moduleFile({ services: { grafana: { settings: { server: { http_port: 3001 } } }, caddy: { settings: { apps: { a: [2] } } } } }),
      ),
    ).toEqual([
      "different-values @ modules/base.ts:nixos/services/grafana/settings/server/http_port (hosts/box/host.ts)",
    ]);
  });

  it("judges definitions made by mkMerge, in different files or one, and leaves one file's plain values to the definition tree", () => {
    expect(conflicts(hostFile({ time: mkMerge([{ timeZone: "UTC" }]) }), moduleFile({ time: { timeZone: "Europe/Berlin" } }))).toEqual([
      "different-values @ modules/base.ts:nixos/time/timeZone (hosts/box/host.ts)",
    ]);
    expect(conflicts(hostFile({ time: { timeZone: "UTC" } }), hostFile({ time: { timeZone: "UTC" } }))).toEqual([]);
    // Reported at the mkMerge's definition that conflicts, as mkMerge's other definitions are.
    expect(conflicts(hostFile({ time: { timeZone: mkMerge(["UTC", "Europe/Berlin"]) }, networking: { hostName: mkMerge(["a", mkDefault("b")]) } }))).toEqual([
      "different-values @ hosts/box/host.ts:nixos/time/timeZone/1 (hosts/box/host.ts)",
    ]);
  });

  it("words the conflict as NixOS does, with what to do", () => {
    const [diagnostic] = definitionConflicts(shippedOptionIndex(), [hostFile({ time: { timeZone: "Europe/Berlin" } }), moduleFile({ time: { timeZone: "UTC" } })]);
    expect(diagnostic && messageOf(diagnostic)).toBe(
      "The option `time.timeZone' (`null or string without spaces') has conflicting definition values in different files: \"Europe/Berlin\", \"UTC\". " +
        "NixOS refuses this at evaluation: define it in one file only, or wrap the definition that should win in mkForce(…) (or the others in mkDefault(…)).",
    );
  });
});
