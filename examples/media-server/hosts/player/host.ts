/** A living-room player that mounts the server's movies over NFS. */
import { defineHost, host, nfsMounts } from "typeflake";

export default defineHost({
  address: "192.168.1.30",
  hardware: "./hardware.nix",
  services: {
    nfsMounts: nfsMounts({ "/mnt/movies": { host: host("media"), export: "/media/movies" } }),
  },
});
