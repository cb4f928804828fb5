/**
 * OpenSSH on every host: colmena deploys as root over SSH (with the admin's key), and agenix
 * decrypts the secrets with the SSH host keys this server generates.
 */
import { defineModule, openssh } from "typeflake";

export default defineModule({
  services: { openssh: openssh({ permitRootLogin: "prohibit-password" }) },
  nixos: {
    users: {
      users: {
        root: {
          openssh: {
            authorizedKeys: { keys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINynYSxzFaJZIojVexNxI7XHa7VTn8c5O4wQIlfoSYEO admin@laptop"] },
          },
        },
      },
    },
  },
});
