/** A living-room player that mounts the server's movies over NFS. */
import { defineHost, host, nfsMounts } from "typeflake";

export default defineHost({
  address: "192.168.1.30",
  hardware: "./hardware.nix",
  services: {
    nfsMounts: nfsMounts({ "/mnt/movies": { host: host("media"), export: "/media/movies" } }),
  },
  // The account typeflake deploy logs in as (deploy.sshUser in typeflake.config.ts).
  users: { deploy: { deploy: true, sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl admin@laptop"] } },
});
