import { describe, expect, it } from "vitest";
import { host, secret } from "../../dsl/expressions.ts";
import type { NginxInput } from "../../services/nginx/schema.ts";
import { nginxSchema } from "../../services/nginx/schema.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";
import { lowerServices } from "../../generators/lower/services.ts";
import type { Fleet } from "../../generators/model/fleet.ts";
import { buildFleet, schemaIssues, servicesContext, servicesOf } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";

const lowerHost = (fleet: Fleet, name: string) => lowerServices(servicesOf(fleet, name), servicesContext(fleet, { host: name }));
const gatewayWith = (nginx: NginxInput, modules: Record<string, { services: { nginx: NginxInput } }> = {}) =>
  buildFleet({ hosts: { gateway: { address: "10.0.20.1", modules: Object.keys(modules), services: { nginx } } }, modules });

describe("nginx lowering", () => {
  it("reproduces the seed: recommended settings and a proxied virtual host; TCP 80 and 443", () => {
    const fleet = homelab();
    const { definitions, ports, diagnostics } = lowerHost(fleet, "gateway");
    expect(diagnostics).toEqual([]);
    const file = "hosts/gateway/host.ts";
    expect(definitions.filter((definition) => definition.path[1] === "nginx")).toEqual([
      { path: ["services", "nginx", "enable"], value: true, origin: { file, objectPath: ["services", "nginx"] } },
      { path: ["services", "nginx", "recommendedProxySettings"], value: true, origin: { file, objectPath: ["services", "nginx", "recommendedProxySettings"] } },
      { path: ["services", "nginx", "recommendedTlsSettings"], value: true, origin: { file, objectPath: ["services", "nginx", "recommendedTlsSettings"] } },
      {
        path: ["services", "nginx", "virtualHosts", "grafana.lab.local", "locations", "/"],
        value: { proxyPass: host("compute").port(3000) },
        origin: { file, objectPath: ["services", "nginx", "virtualHosts", "grafana.lab.local", "locations", "/"] },
      },
    ]);
    expect(ports.filter((port) => port.service === "nginx").map((port) => [port.protocol, port.port, port.open])).toEqual([
      ["tcp", 80, true],
      ["tcp", 443, true],
    ]);
  });

  it("writes TLS, ACME and location settings; the account goes to security.acme", () => {
    const fleet = gatewayWith({
      recommendedGzipSettings: true,
      recommendedOptimisation: true,
      acme: { email: "admin@example.com", acceptTerms: true },
      openFirewall: false,
      virtualHosts: {
        "lab.example.com": {
          enableACME: true,
          forceSSL: true,
          serverAliases: ["www.lab.example.com"],
          locations: { "/": { root: "/var/www/lab", index: "index.html", tryFiles: "$uri $uri/ /index.html" }, "/ws/": { proxyPass: "http://127.0.0.1:8080", proxyWebsockets: true, extraConfig: "proxy_read_timeout 1h;" } },
        },
        "files.lab.example.com": { useACMEHost: "lab.example.com", addSSL: true, locations: { "/old": { return: "301 https://lab.example.com$request_uri" } } },
        internal: { sslCertificate: "/var/lib/certs/internal.pem", sslCertificateKey: secret("internal-tls-key"), onlySSL: true, default: true },
        _: { locations: { "/": { return: 444 } } },
      },
    });
    const { definitions, ports, diagnostics } = lowerHost(fleet, "gateway");
    expect(diagnostics).toEqual([]);
    expect(Object.fromEntries(definitions.map((definition) => [definition.path.join("|"), definition.value]))).toEqual({
      "services|nginx|enable": true,
      "services|nginx|recommendedGzipSettings": true,
      "services|nginx|recommendedOptimisation": true,
      "services|nginx|virtualHosts|lab.example.com": { serverAliases: ["www.lab.example.com"], enableACME: true, forceSSL: true },
      "services|nginx|virtualHosts|lab.example.com|locations|/": { root: "/var/www/lab", index: "index.html", tryFiles: "$uri $uri/ /index.html" },
      "services|nginx|virtualHosts|lab.example.com|locations|/ws/": { proxyPass: "http://127.0.0.1:8080", proxyWebsockets: true, extraConfig: "proxy_read_timeout 1h;" },
      "services|nginx|virtualHosts|files.lab.example.com": { useACMEHost: "lab.example.com", addSSL: true },
      "services|nginx|virtualHosts|files.lab.example.com|locations|/old": { return: "301 https://lab.example.com$request_uri" },
      "services|nginx|virtualHosts|internal": { onlySSL: true, sslCertificate: "/var/lib/certs/internal.pem", sslCertificateKey: secret("internal-tls-key").path, default: true },
      "services|nginx|virtualHosts|_|locations|/": { return: 444 },
      "security|acme|acceptTerms": true,
      "security|acme|defaults|email": "admin@example.com",
    });
    expect(ports.every((port) => !port.open)).toBe(true);
  });

  it("defines a server with nothing set, so it still exists", () => {
    const { definitions } = lowerHost(gatewayWith({ virtualHosts: { "empty.lab.local": {} } }), "gateway");
    expect(definitions.at(-1)).toMatchObject({ path: ["services", "nginx", "virtualHosts", "empty.lab.local"], value: {} });
  });

  it("reports ACME without an account at each server that asks for a certificate", () => {
    const { diagnostics } = lowerHost(gatewayWith({ virtualHosts: { "a.example.com": { enableACME: true, forceSSL: true }, "b.example.com": {} } }), "gateway");
    expect(diagnostics).toEqual([
      {
        severity: "error",
        code: "missing-acme-account",
        origin: { file: "hosts/gateway/host.ts", objectPath: ["services", "nginx", "virtualHosts", "a.example.com", "enableACME"] },
        data: {},
      },
    ]);
    expect(diagnostics.map(messageOf)).toEqual([
      'enableACME needs a Let\'s Encrypt account: add acme: { email: "admin@example.com", acceptTerms: true } to this nginx block',
    ]);
  });

  it("accepts the ACME account from another file of the same host", () => {
    const fleet = gatewayWith({ virtualHosts: { "a.example.com": { enableACME: true } } }, { acme: { services: { nginx: { acme: { email: "admin@example.com", acceptTerms: true } } } } });
    expect(lowerHost(fleet, "gateway").diagnostics).toEqual([]);
  });
});

describe("nginx schema", () => {
  const issues = (input: unknown) => schemaIssues(nginxSchema, input);

  it("validates server names, locations and proxy targets", () => {
    expect(issues({ virtualHosts: { "grafana lab": {} } })[0]?.message).toContain('must be a server name such as "grafana.lab.local"');
    expect(issues({ virtualHosts: { "*.lab.local": {}, _: {}, "grafana.lab.local": {} } })).toEqual([]);
    expect(issues({ virtualHosts: { x: { locations: { api: {} } } } })[0]?.message).toContain("must be an nginx location");
    expect(issues({ virtualHosts: { x: { locations: { "/": { proxyPass: "10.0.20.11:3000" } } } } })[0]?.path).toEqual(["virtualHosts", "x", "locations", "/", "proxyPass"]);
    expect(issues({ virtualHosts: { x: { locations: { "/": { proxyPass: host("compute") } } } } })[0]?.path).toEqual(["virtualHosts", "x", "locations", "/", "proxyPass"]);
  });

  it("refuses TLS without a certificate, half a certificate, and both ACME forms", () => {
    expect(issues({ virtualHosts: { x: { forceSSL: true } } })).toEqual([
      { path: ["virtualHosts", "x", "forceSSL"], message: "forceSSL needs a certificate: set enableACME: true, useACMEHost or sslCertificate with sslCertificateKey" },
    ]);
    expect(issues({ virtualHosts: { x: { sslCertificate: "/c.pem" } } })[0]?.path).toEqual(["virtualHosts", "x", "sslCertificate"]);
    expect(issues({ virtualHosts: { x: { enableACME: true, useACMEHost: "y.example.com" } } })[0]?.path).toEqual(["virtualHosts", "x", "useACMEHost"]);
  });

  it("requires an e-mail address and accepted terms for ACME", () => {
    expect(issues({ acme: { email: "nope", acceptTerms: true } })[0]?.path).toEqual(["acme", "email"]);
    expect(issues({ acme: { email: "a@example.com", acceptTerms: false } })[0]?.message).toContain("terms are accepted");
  });
});
