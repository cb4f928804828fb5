/**
 * nginx as a reverse proxy and web server (`services.nginx`), with ACME certificates
 * (`security.acme`). A location's `proxyPass` may name another fleet host's service:
 * `host("compute").port(3000)` becomes `http://10.0.20.11:3000`.
 */
import { z } from "zod";
import { checkParams, type CheckParamFields } from "../../dsl/check-params.ts";
import { absolutePath, dnsName } from "../../dsl/checks.ts";
import { isNixExpression, type HostRef } from "../../dsl/expressions.ts";
import { openFirewall, secretFile } from "../../dsl/services/common.ts";

/** The schemes `proxy_pass` takes besides unix sockets. */
const PROXY_SCHEMES: readonly string[] = ["http", "https"];

/** A service of a fleet host: `host("compute").port(3000)`, over http or https. */
const hostService = z.custom<HostRef>((value) => isNixExpression(value) && value.kind === "host" && value.url !== undefined, {
  params: checkParams("invalid-proxy-target", {
    expected: 'a URL such as "http://127.0.0.1:3000" or a fleet service such as host("compute").port(3000)',
  }),
}).superRefine((target, context) => {
  const { port, scheme } = target.url ?? { port: 0, scheme: "" };
  if (!PROXY_SCHEMES.includes(scheme))
    context.addIssue({ code: "custom", input: target, params: checkParams("invalid-proxy-target", { port, scheme }) });
});

/**
 * An argument of an nginx directive (`index`, `try_files`, `return`): written before the `;`
 * that ends the directive, so `;`, braces and line breaks, which would end it early and start
 * directives of their own, are refused.
 */
const directiveArgument = z.string().regex(/^[^;{}\u0000-\u001f\u007f]+$/, {
  error: (issue) =>
    `must be the arguments of one nginx directive, on one line without ';', '{' or '}' (use extraConfig for more directives); got ${JSON.stringify(issue.input)}`,
});

/** Where requests are proxied: a URL, a unix socket, or a fleet host's port. */
const proxyTarget = z.union([
  z.string().regex(/^(https?:\/\/[^\s;{}]+|unix:\/[^\s;{}]+)$/, {
    error: 'must be an http(s) URL such as "http://127.0.0.1:3000", a unix socket such as "unix:/run/app.sock", or host("compute").port(3000)',
  }),
  hostService,
]);

/** One `location` block. */
export const nginxLocationSchema = z.strictObject({
  /** Proxy requests here: `"http://127.0.0.1:3000"` or `host("compute").port(3000)`. */
  proxyPass: proxyTarget.optional(),
  /** Pass WebSocket upgrades through the proxy. Default: `false`. */
  proxyWebsockets: z.boolean().optional(),
  /** Serve files from this directory, e.g. `"/var/www/site"`. */
  root: absolutePath.optional(),
  /** Serve this directory in place of the location's path, e.g. `"/var/www/static/"`. */
  alias: absolutePath.optional(),
  /** Index files, e.g. `"index.html"`. */
  index: directiveArgument.optional(),
  /** `try_files`, e.g. `"$uri $uri/ /index.html"`. */
  tryFiles: directiveArgument.optional(),
  /** Answer with this status and text instead, e.g. `"301 https://example.com$request_uri"` or `404`. */
  return: z.union([directiveArgument, z.number().int()]).optional(),
  /** nginx directives added to the block, e.g. `"client_max_body_size 1g;"`. */
  extraConfig: z.string().optional(),
});

/** A location: a path prefix (`"/"`), an exact (`"= /x"`), regex (`"~ \\.php$"`) or named (`"@app"`) match. */
const locationName = z.string().regex(/^(\/[^\s;{}]*|= \/[^\s;{}]*|\^~ \/[^\s;{}]*|~\*? [^\s;{}][^;{}\u0000-\u001f\u007f]*|@[A-Za-z0-9_-]+)$/, {
  error: 'must be an nginx location such as "/", "/api/", "= /health", "~ \\.php$" or "@backend", on one line without \';\', \'{\' or \'}\' (it is written as `location <name> {`)',
});

/** One `server` block. */
export const nginxVirtualHostSchema = z
  .strictObject({
    /** Other names this server answers to, e.g. `["www.example.com"]`. */
    serverAliases: z.array(dnsName).optional(),
    /** Locations by match, e.g. `{ "/": { proxyPass: host("compute").port(3000) } }`. */
    locations: z.record(locationName, nginxLocationSchema).default({}),
    /** Serve files from this directory for the whole server, e.g. `"/var/www/site"`. */
    root: absolutePath.optional(),
    /** Get a certificate from Let's Encrypt for this name (needs `acme` with `email` and `acceptTerms`). */
    enableACME: z.boolean().optional(),
    /** Use the certificate obtained for another name, e.g. `"lab.example.com"` (a wildcard). */
    useACMEHost: dnsName.optional(),
    /** Redirect HTTP to HTTPS. Needs a certificate: `enableACME`, `useACMEHost` or `sslCertificate`. */
    forceSSL: z.boolean().optional(),
    /** Serve HTTPS besides HTTP. Needs a certificate like `forceSSL`. */
    addSSL: z.boolean().optional(),
    /** Serve HTTPS only. Needs a certificate like `forceSSL`. */
    onlySSL: z.boolean().optional(),
    /** The certificate chain file, e.g. `"/var/lib/certs/lab.pem"`; needs `sslCertificateKey`. */
    sslCertificate: absolutePath.optional(),
    /** The certificate's private key, from the secrets: `secret("lab-tls-key")`. */
    sslCertificateKey: secretFile.optional(),
    /** The server that answers requests no other server name matches. Default: `false`. */
    default: z.boolean().optional(),
    /** nginx directives added to the server block. */
    extraConfig: z.string().optional(),
  })
  .superRefine((vhost, context) => {
    const problem = (path: string, fields: CheckParamFields["invalid-tls"]) =>
      context.addIssue({ code: "custom", path: [path], params: checkParams("invalid-tls", fields) });
    if (vhost.enableACME && vhost.useACMEHost !== undefined) problem("useACMEHost", { problem: "acme-exclusive" });
    const certified = vhost.enableACME === true || vhost.useACMEHost !== undefined || vhost.sslCertificate !== undefined;
    for (const mode of ["forceSSL", "addSSL", "onlySSL"] as const)
      if (vhost[mode] && !certified) problem(mode, { problem: "needs-certificate", mode });
    if ((vhost.sslCertificate === undefined) !== (vhost.sslCertificateKey === undefined))
      problem(vhost.sslCertificate === undefined ? "sslCertificateKey" : "sslCertificate", { problem: "certificate-pair" });
  });

/** A server name: a DNS name, a leading wildcard (`"*.lab.local"`) or nginx's catch-all `"_"`. */
const serverName = z.string().refine(
  (name) => name === "_" || dnsName.safeParse(name.startsWith("*.") ? name.slice(2) : name).success,
  { params: checkParams("invalid-value", { expected: 'a server name such as "grafana.lab.local", "*.lab.local" or "_"' }) },
);

/** Let's Encrypt account settings (`security.acme`). */
export const acmeSchema = z.strictObject({
  /** Contact address for expiry notices, e.g. `"admin@example.com"` (`security.acme.defaults.email`). */
  email: z.email({ error: 'must be an e-mail address such as "admin@example.com"' }),
  /** You accept the CA's terms of service (`security.acme.acceptTerms`); must be `true`. */
  acceptTerms: z.literal(true, { error: "must be true: certificates are only issued once the CA's terms are accepted" }),
});

/** nginx. Opens TCP 80 and 443. */
export const nginxSchema = z.strictObject({
  /** Forward the client's host, address and scheme to upstreams (`recommendedProxySettings`). Default: `false`. */
  recommendedProxySettings: z.boolean().optional(),
  /** Modern TLS protocols and ciphers (`recommendedTlsSettings`). Default: `false`. */
  recommendedTlsSettings: z.boolean().optional(),
  /** gzip compression of text responses (`recommendedGzipSettings`). Default: `false`. */
  recommendedGzipSettings: z.boolean().optional(),
  /** sendfile, tcp_nopush and other throughput settings (`recommendedOptimisation`). Default: `false`. */
  recommendedOptimisation: z.boolean().optional(),
  /** Servers by name, e.g. `{ "grafana.lab.local": { locations: { "/": { proxyPass: … } } } }`. */
  virtualHosts: z.record(serverName, nginxVirtualHostSchema).default({}),
  /** Let's Encrypt account, required when a server sets `enableACME`. */
  acme: acmeSchema.optional(),
  /** Open TCP 80 and 443. Default: `true`. */
  openFirewall,
});

/** What `nginx({ … })` takes. */
export type NginxInput = z.input<typeof nginxSchema>;
/** A validated nginx configuration. */
export type NginxConfig = z.output<typeof nginxSchema>;
/** One validated server block. */
export type NginxVirtualHost = z.output<typeof nginxVirtualHostSchema>;
