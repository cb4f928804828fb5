import { defineHost } from "typeflake";

export default defineHost({
  address: "10.0.20.1",
  modules: ["networking"],
  firewall: { allowedUDPPorts: [51820] },
  sysctl: { "net.ipv4.ip_forward": 1 },
});
