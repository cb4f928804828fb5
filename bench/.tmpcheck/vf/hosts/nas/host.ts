import { defineHost } from "typeflake";

export default defineHost({
  address: "10.0.20.10",
  hardware: "./hardware.nix",
  zfs: { hostId: "a1b2c3d4", pools: ["tank"], autoScrub: true },
  services: {
    samba: {
      global: { security: "user", serverMinProtocol: "SMB3" },
      shares: {
        media: { path: "/tank/media", readOnly: false, validUsers: ["media"] },
        backups: { path: "/tank/backups", readOnly: false, validUsers: ["backup"] },
      },
    },
  },
  users: { media: { isNormalUser: false }, backup: { isNormalUser: false } },
});
