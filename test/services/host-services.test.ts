import { describe, expect, it } from "vitest";
import { opensshSchema } from "../../services/openssh/schema.ts";
import { lowerServices } from "../../generators/lower/services.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { buildFleet, schemaIssues, servicesContext } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

const lowerModule = (fleet: Fleet, name: string) =>
  lowerServices(fleet.modules.find((module) => module.name === name)!.config.services, servicesContext(fleet, { module: name }));
const withModule = (services: object) => buildFleet({ hosts: {}, modules: { m: { services } } });
const simplified = (fleet: Fleet) => {
  const { definitions, ports } = lowerModule(fleet, "m");
  return {
    definitions: Object.fromEntries(definitions.map((definition) => [definition.path.join("."), definition.value])),
    ports: ports.map((port) => `${port.service} ${port.protocol}/${port.port}${port.open ? "" : " closed"}`),
  };
};

describe("openssh", () => {
  it("hardens by default: keys only, no keyboard-interactive, no root; TCP 22 claimed", () => {
    const { definitions, ports } = lowerModule(homelab(), "common");
    expect(definitions).toEqual([
      { path: ["services", "openssh", "enable"], value: true, origin: { file: "modules/common.ts", objectPath: ["services", "openssh"] } },
      {
        path: ["services", "openssh", "settings"],
        value: { PasswordAuthentication: false, KbdInteractiveAuthentication: false, PermitRootLogin: "no" },
        origin: { file: "modules/common.ts", objectPath: ["services", "openssh", "settings"] },
      },
    ]);
    expect(ports).toEqual([{ protocol: "tcp", port: 22, service: "openssh", open: true, origin: { file: "modules/common.ts", objectPath: ["services", "openssh"] } }]);
  });

  it("lets each default be relaxed, moves ports, and turns NixOS's own opening off with the opt-out", () => {
    expect(simplified(withModule({ openssh: { ports: [2222], permitRootLogin: "prohibit-password", settings: { ClientAliveInterval: 300, AllowUsers: ["deploy"] }, openFirewall: false } }))).toEqual({
      definitions: {
        "services.openssh.enable": true,
        "services.openssh.ports": [2222],
        "services.openssh.settings": { PasswordAuthentication: false, KbdInteractiveAuthentication: false, PermitRootLogin: "prohibit-password", ClientAliveInterval: 300, AllowUsers: ["deploy"] },
        "services.openssh.openFirewall": false,
      },
      ports: ["openssh tcp/2222 closed"],
    });
  });

  it("refuses hardened settings given as free-form settings", () => {
    expect(schemaIssues(opensshSchema, { settings: { PasswordAuthentication: true } })).toEqual([
      { path: ["settings", "PasswordAuthentication"], message: '"PasswordAuthentication" has a typed field: set `passwordAuthentication` instead' },
    ]);
  });
});

describe("node exporter", () => {
  it("enables the exporter with TCP 9100 closed unless opened, writing only what differs from NixOS's defaults", () => {
    expect(simplified(withModule({ nodeExporter: {} }))).toEqual({ definitions: { "services.prometheus.exporters.node.enable": true }, ports: ["node exporter tcp/9100 closed"] });
    expect(simplified(withModule({ nodeExporter: { openFirewall: true } }))).toEqual({ definitions: { "services.prometheus.exporters.node.enable": true }, ports: ["node exporter tcp/9100"] });
    expect(simplified(withModule({ nodeExporter: { port: 9101, listenAddress: "10.0.20.10", enabledCollectors: ["systemd"], disabledCollectors: ["wifi"], openFirewall: false } }))).toEqual({
      definitions: {
        "services.prometheus.exporters.node.enable": true,
        "services.prometheus.exporters.node.port": 9101,
        "services.prometheus.exporters.node.listenAddress": "10.0.20.10",
        "services.prometheus.exporters.node.enabledCollectors": ["systemd"],
        "services.prometheus.exporters.node.disabledCollectors": ["wifi"],
      },
      ports: ["node exporter tcp/9101 closed"],
    });
  });
});

describe("docker", () => {
  it("enables docker, prunes, and puts its users in the docker group; no ports", () => {
    const { definitions, ports } = lowerModule(homelab(), "docker-host");
    expect(definitions).toEqual([
      { path: ["virtualisation", "docker", "enable"], value: true, origin: { file: "modules/docker-host.ts", objectPath: ["services", "docker"] } },
      { path: ["virtualisation", "docker", "autoPrune"], value: { enable: true, dates: "weekly" }, origin: { file: "modules/docker-host.ts", objectPath: ["services", "docker", "autoPrune"] } },
      { path: ["users", "users", "deploy", "extraGroups"], value: ["docker"], origin: { file: "modules/docker-host.ts", objectPath: ["services", "docker", "users", 0] } },
    ]);
    expect(ports).toEqual([]);
  });

  it("writes drivers, boot start and prune flags", () => {
    expect(simplified(withModule({ docker: { autoPrune: { dates: "daily", flags: ["--all"] }, storageDriver: "zfs", logDriver: "journald", enableOnBoot: false } })).definitions).toEqual({
      "virtualisation.docker.enable": true,
      "virtualisation.docker.autoPrune": { enable: true, dates: "daily", flags: ["--all"] },
      "virtualisation.docker.storageDriver": "zfs",
      "virtualisation.docker.logDriver": "journald",
      "virtualisation.docker.enableOnBoot": false,
    });
  });
});
