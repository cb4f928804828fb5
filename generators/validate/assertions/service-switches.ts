/**
 * Assertions that tie one option to another in the modules of the services typeflake writes:
 * Samba's `nsswins` needs winbindd, sshd's X11 forwarding needs the xauth location and every
 * listen address an address, a Prometheus exporter's `firewallFilter` needs `openFirewall`.
 * Each matters only once a raw `nixos` block sets the options the typed builders leave alone.
 */
import type { SourceOrigin } from "../../diagnostics/diagnostic.ts";
import type { AssertionFields } from "../../diagnostics/codes/assertions.ts";
import { refusing, type HostAssertion } from "./assertion.ts";
import { booleanOf, isSet, type HostOptions } from "./host-options.ts";

/** One failed switch: where, what, NixOS's words, the fix. */
interface Failure {
  readonly code: keyof AssertionFields;
  readonly origin: SourceOrigin;
  readonly problem: string;
  readonly nixos: string;
  readonly fix: string;
  /** Whether it fails for want of an option that is unset (see `refusing`). */
  readonly unset?: boolean;
}

const at = (options: HostOptions, ...path: string[]): SourceOrigin =>
  options.get(...path)?.origins.at(-1) ?? options.originOf(...path) ?? { file: options.host.file, objectPath: [] };

/** `services.samba.nsswins` needs `services.samba.winbindd.enable` (default `true`). */
const sambaWins = (options: HostOptions): Failure[] =>
  booleanOf(options.get("services", "samba", "nsswins")) === true && booleanOf(options.get("services", "samba", "winbindd", "enable")) === false
    ? [
        {
          code: "samba-nsswins-without-winbindd",
          origin: at(options, "services", "samba", "nsswins"),
          problem: "services.samba.nsswins is on while services.samba.winbindd.enable is off",
          nixos: "If services.samba.nsswins is enabled, then services.samba.winbindd.enable must also be enabled",
          fix: "remove the override of winbindd.enable, or turn nsswins off",
        },
      ]
    : [];

/** sshd: X11 forwarding needs `programs.ssh.setXAuthLocation`; each listen address needs `addr`. */
const sshd = (options: HostOptions): Failure[] => {
  const failures: Failure[] = [];
  if (booleanOf(options.get("services", "openssh", "settings", "X11Forwarding")) === true && booleanOf(options.get("programs", "ssh", "setXAuthLocation")) === false) {
    failures.push({
      code: "ssh-x11-without-xauth",
      origin: at(options, "programs", "ssh", "setXAuthLocation"),
      problem: "X11Forwarding is on while programs.ssh.setXAuthLocation is off",
      nixos: "cannot enable X11 forwarding without setting XAuth location",
      fix: "remove the override of programs.ssh.setXAuthLocation (NixOS turns it on with X11Forwarding), or turn X11Forwarding off",
    });
  }
  const listen = options.get("services", "openssh", "listenAddresses");
  if (listen && Array.isArray(listen.value) && listen.value.some((entry) => typeof entry === "object" && entry !== null && !Array.isArray(entry) && (entry as Record<string, unknown>)["addr"] == null)) {
    failures.push({
      code: "ssh-listen-without-address",
      origin: listen.origins.at(-1) ?? at(options, "services", "openssh", "listenAddresses"),
      problem: "an entry of services.openssh.listenAddresses has no addr",
      nixos: "addr must be specified in each listenAddresses entry",
      fix: 'give each entry its address, e.g. { addr: "10.0.20.10", port: 22 }',
    });
  }
  return failures;
};

/** A Prometheus exporter's `firewallFilter` does nothing unless `openFirewall` is on. */
const exporterFilters = (options: HostOptions): Failure[] =>
  options.namesUnder("services", "prometheus", "exporters").flatMap((exporter): Failure[] =>
    isSet(options.get("services", "prometheus", "exporters", exporter, "firewallFilter")) === true &&
    booleanOf(options.get("services", "prometheus", "exporters", exporter, "openFirewall")) !== true &&
    !options.opaqueAt("services", "prometheus", "exporters", exporter, "openFirewall")
      ? [
          {
            unset: options.get("services", "prometheus", "exporters", exporter, "openFirewall") === undefined,
            code: "exporter-filter-without-firewall",
            origin: at(options, "services", "prometheus", "exporters", exporter, "firewallFilter"),
            problem: `the ${exporter} exporter sets firewallFilter but not openFirewall`,
            nixos: `The \`firewallFilter'-option of exporter ${exporter} doesn't have any effect unless \`openFirewall' is set to \`true'!`,
            fix: "open the port with the typed builder (nodeExporter({ openFirewall: true }) or to named interfaces), or remove firewallFilter",
          },
        ]
      : [],
  );

/** Options of one service that require another option. */
export const serviceSwitches: HostAssertion = (options) =>
  [...sambaWins(options), ...sshd(options), ...exporterFilters(options)].map((failure) =>
    refusing(options, failure.unset === true)(failure.code, failure.origin, failure.problem, failure.nixos, failure.fix),
  );
