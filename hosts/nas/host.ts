/**
 * The NAS: ZFS storage shared over Samba and NFS.
 */
import { defineHost, nfs, samba, secret, wireguard } from "typeflake";

export default defineHost({
  address: "10.0.20.10",
  hardware: "./hardware.nix",
  deploy: { tags: ["storage"] },
  zfs: { hostId: "a1b2c3d4", pools: ["tank"] },
  services: {
    samba: samba({
      global: { security: "user", serverMinProtocol: "SMB3" },
      shares: {
        media: { path: "/tank/media", readOnly: false, validUsers: ["media"] },
        backups: { path: "/tank/backups", readOnly: false, validUsers: ["backup"] },
      },
    }),
    nfs: nfs({
      exports: [
        {
          path: "/tank/media",
          clients: [{ host: "10.0.20.0/24", options: ["rw", "sync", "no_subtree_check"] }],
        },
      ],
    }),
    wireguard: wireguard({
      wg0: {
        ips: ["10.100.0.2/24"],
        privateKey: secret("wireguard-key-nas"),
        publicKey: "VTPUF2SpJ11k4PFoRNDg4h+NfVG3blLvYUqNn2ThYbA=",
        join: { host: "gateway" },
      },
    }),
  },
});
