/** The server: ZFS pool `media`, shared to Windows over Samba and to the LAN over NFS. */
import { defineHost, nfs, samba } from "typeflake";

export default defineHost({
  address: "192.168.1.10",
  hardware: "./hardware.nix",
  zfs: { hostId: "0c0ffee0", pools: ["media"], autoScrub: true },
  services: {
    samba: samba({
      global: { security: "user", serverMinProtocol: "SMB3", workgroup: "HOME", serverString: "media server" },
      shares: {
        movies: { path: "/media/movies", readOnly: true, browseable: true, guestOk: true, comment: "Films" },
        music: { path: "/media/music", readOnly: false, validUsers: ["alice", "@family"], createMask: "0644", directoryMask: "0755" },
      },
    }),
    nfs: nfs({
      exports: [
        { path: "/media/movies", clients: [{ host: "192.168.1.0/24", options: ["ro", "sync", "no_subtree_check"] }] },
        {
          path: "/media/music",
          clients: [
            { host: "192.168.1.0/24", options: ["rw", "sync", "no_subtree_check"] },
            { host: "10.8.0.0/24", options: ["ro", "sync", "no_subtree_check"] },
          ],
        },
      ],
    }),
  },
  users: {
    alice: { extraGroups: ["family"] },
    // The account typeflake deploy logs in as (deploy.sshUser in typeflake.config.ts).
    deploy: { deploy: true, sshKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl admin@laptop"] },
  },
  groups: { family: {} },
});
