/** What every lab machine has: hardened SSH, the node exporter (scraped by mon through wg0) and the deploy user. */
import { defineModule, nodeExporter, openssh, pkg } from "typeflake";

export default defineModule({
  description: "Base configuration of every lab machine",
  timeZone: "UTC",
  packages: [pkg("htop"), pkg("git")],
  services: { openssh: openssh(), nodeExporter: nodeExporter({ openFirewall: ["wg0"] }) },
  users: {
    deploy: {
      deploy: true,
      sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHcN6q7Q2kT9s8dLzv1x0m3b4r5y6u7i8o9p0a1s2d3f ci@lab"],
    },
  },
});
