import { defineModule, pkg } from "typeflake";

export default defineModule({
  description: "Base configuration of every benchmark host",
  timeZone: "UTC",
  packages: [pkg("htop"), pkg("git")],
  services: { openssh: {} },
  users: { deploy: { deploy: true, sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbenchmarkdeploykeyonly deploy@bench"] } },
});
