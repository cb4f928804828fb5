/**
 * OpenSSH → `services.openssh` with the hardened settings spelled out, so the generated file
 * shows what the host enforces. NixOS opens sshd's ports itself (`openFirewall` defaults to
 * true): opening them is left to typeflake's firewall, and an opt-out also turns NixOS's off.
 */
import type { OpensshConfig } from "./schema.ts";
import { child } from "../../generators/diagnostics/diagnostic.ts";
import type { Definition, Lowering } from "../../generators/lower/contribution.ts";
import { portClaims } from "../../generators/lower/emit.ts";

const isDefaultPorts = (ports: readonly number[]): boolean => ports.length === 1 && ports[0] === 22;

/** OpenSSH: enable, ports when not 22, the hardened settings and extra ones; its ports on TCP. */
export const lowerOpenssh: Lowering<OpensshConfig> = (ssh, context) => {
  const origin = context.origin;
  const definitions: Definition[] = [
    { path: ["services", "openssh", "enable"], value: true, origin },
    ...(isDefaultPorts(ssh.ports) ? [] : [{ path: ["services", "openssh", "ports"], value: ssh.ports, origin: child(origin, "ports") }]),
    {
      path: ["services", "openssh", "settings"],
      value: {
        PasswordAuthentication: ssh.passwordAuthentication,
        KbdInteractiveAuthentication: ssh.kbdInteractiveAuthentication,
        PermitRootLogin: ssh.permitRootLogin,
        ...ssh.settings,
      },
      origin: child(origin, "settings"),
    },
    ...(ssh.openFirewall ? [] : [{ path: ["services", "openssh", "openFirewall"], value: false, origin: child(origin, "openFirewall") }]),
  ];
  return { definitions, ports: portClaims("openssh", "tcp", ssh.ports, origin, ssh.openFirewall), diagnostics: [] };
};
