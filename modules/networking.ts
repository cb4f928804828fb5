/**
 * Network settings of routing machines: NAT from the WireGuard tunnel to the LAN.
 */
import { defineModule } from "typeflake";

export default defineModule({
  description: "Shared network settings",
  nixos: {
    networking: {
      nat: { enable: true, externalInterface: "eth0", internalInterfaces: ["wg0"] },
    },
  },
});
