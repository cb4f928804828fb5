/**
 * nginx → `services.nginx` (virtual hosts and their locations) and `security.acme` (the Let's
 * Encrypt account). `proxyPass` may be a fleet reference, which the value lowering spells as
 * `http://<address>:<port>`. TCP 80 and 443.
 */
import type { NginxConfig, NginxVirtualHost } from "./schema.ts";
import { child, error, type Diagnostic, type SourceOrigin } from "../../generators/diagnostics/diagnostic.ts";
import type { Definition, LowerContext, Lowering } from "../../generators/lower/contribution.ts";
import { fieldDefinitions, portClaims, secretPathOf, setFields } from "../../generators/lower/emit.ts";
import { mayHaveAcmeAccount } from "../../generators/model/acme-account.ts";
import { hostsOfBody } from "../../generators/model/fleet-index.ts";

const virtualHostDefinitions = (name: string, vhost: NginxVirtualHost, origin: SourceOrigin): Definition[] => {
  const path = ["services", "nginx", "virtualHosts", name];
  const settings = setFields({
    serverAliases: vhost.serverAliases,
    root: vhost.root,
    enableACME: vhost.enableACME,
    useACMEHost: vhost.useACMEHost,
    forceSSL: vhost.forceSSL,
    addSSL: vhost.addSSL,
    onlySSL: vhost.onlySSL,
    sslCertificate: vhost.sslCertificate,
    sslCertificateKey: vhost.sslCertificateKey && secretPathOf(vhost.sslCertificateKey),
    default: vhost.default,
    extraConfig: vhost.extraConfig,
  });
  const locations = Object.entries(vhost.locations).map(([location, settings]) => ({
    path: [...path, "locations", location],
    value: setFields(settings),
    origin: child(origin, "locations", location),
  }));
  // A server with neither settings nor locations must still exist, so it is defined empty.
  const own = Object.keys(settings).length || !locations.length ? [{ path, value: settings, origin }] : [];
  return [...own, ...locations];
};

/**
 * Whether a Let's Encrypt account may be configured for every host this nginx runs on: in this
 * block, or anywhere else on the same host (see `model/acme-account.ts`).
 */
const acmeAvailable = (nginx: NginxConfig, context: LowerContext): boolean => {
  if (nginx.acme) return true;
  const hosts = hostsOfBody(context.index, context.hostName, context.origin.file);
  return hosts.length > 0 && hosts.every((host) => mayHaveAcmeAccount(context.index, host));
};

/** nginx: enable, the recommended settings that were chosen, servers, ACME account; TCP 80 and 443. */
export const lowerNginx: Lowering<NginxConfig> = (nginx, context) => {
  const origin = context.origin;
  const virtualHosts = Object.entries(nginx.virtualHosts);
  const diagnostics: Diagnostic[] = acmeAvailable(nginx, context)
    ? []
    : virtualHosts
        .filter(([, vhost]) => vhost.enableACME)
        .map(([name]) =>
          error("missing-acme-account", child(origin, "virtualHosts", name, "enableACME"), {}),
        );
  const definitions: Definition[] = [
    { path: ["services", "nginx", "enable"], value: true, origin },
    ...fieldDefinitions(["services", "nginx"], origin, {
      recommendedProxySettings: nginx.recommendedProxySettings,
      recommendedTlsSettings: nginx.recommendedTlsSettings,
      recommendedGzipSettings: nginx.recommendedGzipSettings,
      recommendedOptimisation: nginx.recommendedOptimisation,
    }),
    ...virtualHosts.flatMap(([name, vhost]) => virtualHostDefinitions(name, vhost, child(origin, "virtualHosts", name))),
    ...(nginx.acme
      ? [
          { path: ["security", "acme", "acceptTerms"], value: nginx.acme.acceptTerms, origin: child(origin, "acme", "acceptTerms") },
          { path: ["security", "acme", "defaults", "email"], value: nginx.acme.email, origin: child(origin, "acme", "email") },
        ]
      : []),
  ];
  return { definitions, ports: portClaims("nginx", "tcp", [80, 443], origin, nginx.openFirewall), diagnostics };
};
