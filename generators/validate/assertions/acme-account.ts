/**
 * ACME (`nixos/modules/security/acme/default.nix`): once any certificate is requested (a
 * `security.acme.certs` entry, or an nginx server with `enableACME`), the CA's terms must be
 * accepted and every certificate needs a contact address. typeflake's `nginx({ acme })` writes
 * both; this catches ACME requested or overridden through raw `nixos` blocks. A typed
 * `enableACME` with no typed `acme` anywhere on the host is reported by the nginx lowering.
 */
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import { bodiesOfHost, type FleetIndex } from "../../model/fleet-index.ts";
import { mayHaveAcmeAccount } from "../../model/acme-account.ts";
import { hostLabel, refusing, type HostAssertion } from "./assertion.ts";
import { booleanOf, isSet, type HostOptions } from "./host-options.ts";

const TERMS_MESSAGE =
  "You must accept the CA's terms of service before using the ACME module by setting `security.acme.acceptTerms` to `true`. For Let's Encrypt's ToS see https://letsencrypt.org/repository/";
const EMAIL_MESSAGE =
  "You must define `security.acme.certs.<name>.email` or `security.acme.defaults.email` to register with the CA. Note that using many different addresses for certs may trigger account rate limits.";

const ACCOUNT = 'add acme: { email: "admin@example.com", acceptTerms: true } to the host\'s nginx({ … }) block';

/** A certificate the host will request, and where it was asked for. */
interface Request {
  readonly name: string;
  readonly origin: SourceOrigin;
  /** An nginx server's own certificate, which carries no contact address of its own. */
  readonly fromNginx: boolean;
}

const requests = (options: HostOptions): Request[] => [
  ...options.namesUnder("services", "nginx", "virtualHosts").flatMap((name) => {
    const acme = options.get("services", "nginx", "virtualHosts", name, "enableACME");
    return acme && booleanOf(acme) === true ? [{ name, origin: acme.origins[0] as SourceOrigin, fromNginx: true }] : [];
  }),
  ...options.namesUnder("security", "acme", "certs").map((name) => ({
    name,
    origin: options.originOf("security", "acme", "certs", name) ?? { file: options.host.file, objectPath: [] },
    fromNginx: false,
  })),
];

/** A typed `enableACME` with no account anywhere on the host: the nginx lowering has reported it already. */
const reportedByNginx = (options: HostOptions, index: FleetIndex): boolean =>
  bodiesOfHost(index, options.host).some((body) => Object.values(body.config.services.nginx?.virtualHosts ?? {}).some((vhost) => vhost.enableACME)) &&
  !mayHaveAcmeAccount(index, options.host);

/** Hosts requesting certificates without accepted terms or a contact address. */
export const acmeAccount: HostAssertion = (options, index) => {
  const wanted = requests(options);
  const [first] = wanted;
  if (!first || options.opaqueAt("security", "acme") || reportedByNginx(options, index)) return [];
  const terms = options.get("security", "acme", "acceptTerms");
  const email = options.get("security", "acme", "defaults", "email");
  const problems = [];
  if (terms === undefined || terms.value === false) {
    problems.push(
      refusing(options, terms === undefined)(
        "acme-terms-not-accepted",
        first.origin,
        `${hostLabel(options)} requests an ACME certificate for ${JSON.stringify(first.name)} but security.acme.acceptTerms is ${terms ? "false" : "not set"}`,
        TERMS_MESSAGE,
        ACCOUNT,
        terms ? [terms.origins.at(-1) as SourceOrigin] : undefined,
      ),
    );
  }
  const withoutEmail = isSet(email) === false
    ? wanted.find((request) => request.fromNginx || isSet(options.get("security", "acme", "certs", request.name, "email")) === false)
    : undefined;
  if (withoutEmail) {
    problems.push(
      refusing(options, email === undefined)(
        "acme-missing-email",
        withoutEmail.origin,
        `the ACME certificate for ${JSON.stringify(withoutEmail.name)} on ${hostLabel(options)} has no contact address`,
        EMAIL_MESSAGE,
        ACCOUNT,
      ),
    );
  }
  return problems;
};
