/**
 * nginx (`nixos/modules/services/web-servers/nginx/default.nix`): the assertions on each virtual
 * host, and the certificate an SSL server needs. The typed `nginx({ … })` schema checks its own
 * servers; this judges servers as merged with raw `nixos` blocks, where a raw `forceSSL` or a
 * second SSL mode meets the typed definition.
 */
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { refused, refusing, type HostAssertion } from "./assertion.ts";
import { booleanOf, isSet, type HostOptions } from "./host-options.ts";

const SSL_MODES = ["addSSL", "onlySSL", "forceSSL", "rejectSSL"] as const;

const MODES_MESSAGE =
  "Options services.nginx.service.virtualHosts.<name>.addSSL, services.nginx.virtualHosts.<name>.onlySSL, services.nginx.virtualHosts.<name>.forceSSL and services.nginx.virtualHosts.<name>.rejectSSL are mutually exclusive.";
const ACME_MESSAGE =
  "Options services.nginx.service.virtualHosts.<name>.enableACME and services.nginx.virtualHosts.<name>.useACMEHost are mutually exclusive.";
const ROOT_MESSAGE = "Only one of nginx root or alias can be specified on a location.";

/** One server's checks. */
const checkServer = (options: HostOptions, name: string): ReturnType<HostAssertion> => {
  const option = (...path: string[]) => options.get("services", "nginx", "virtualHosts", name, ...path);
  const at = (...path: string[]): SourceOrigin =>
    option(...path)?.origins.at(-1) ?? options.originOf("services", "nginx", "virtualHosts", name) ?? { file: options.host.file, objectPath: [] };
  const label = `server ${JSON.stringify(name)}`;
  const modes = SSL_MODES.filter((mode) => booleanOf(option(mode)) === true || (mode === "onlySSL" && booleanOf(option("enableSSL")) === true));
  const problems = [];
  if (modes.length > 1) {
    problems.push(
      refused("nginx-ssl-modes", at(modes.at(-1) as string), `${label} sets ${modes.join(" and ")}`, MODES_MESSAGE, "keep one of addSSL, onlySSL, forceSSL and rejectSSL", [at(modes[0] as string)]),
    );
  }
  const acme = booleanOf(option("enableACME")) === true;
  const acmeHost = isSet(option("useACMEHost"));
  if (acme && acmeHost === true) {
    problems.push(refused("nginx-acme-twice", at("useACMEHost"), `${label} sets both enableACME and useACMEHost`, ACME_MESSAGE, "get a certificate for this name (enableACME) or use another name's (useACMEHost), not both", [at("enableACME")]));
  }
  const needsCertificate = modes.some((mode) => mode !== "rejectSSL");
  if (needsCertificate && !acme && acmeHost === false) {
    const missing = (["sslCertificate", "sslCertificateKey"] as const).filter((field) => isSet(option(field)) === false);
    const [field] = missing;
    if (field) {
      problems.push(
        refusing(options, true)(
          "nginx-missing-certificate",
          at(modes.find((mode) => mode !== "rejectSSL") as string),
          `${label} serves HTTPS (${modes.join(", ")}) but has no ${missing.join(" or ")}`,
          `The option \`services.nginx.virtualHosts."${name}".${field}' is used but not defined.`,
          "set enableACME: true (with an acme account), useACMEHost, or both sslCertificate and sslCertificateKey",
        ),
      );
    }
  }
  for (const location of options.namesUnder("services", "nginx", "virtualHosts", name, "locations")) {
    if (isSet(option("locations", location, "root")) === true && isSet(option("locations", location, "alias")) === true) {
      problems.push(refused("nginx-root-and-alias", at("locations", location, "alias"), `location ${JSON.stringify(location)} of ${label} sets both root and alias`, ROOT_MESSAGE, "keep root (the location's path is appended) or alias (it replaces the path), not both", [at("locations", location, "root")]));
    }
  }
  return problems;
};

/** Virtual hosts NixOS's nginx module would refuse. */
export const nginxTls: HostAssertion = (options) =>
  options.namesUnder("services", "nginx", "virtualHosts").flatMap((name) => checkServer(options, name));
