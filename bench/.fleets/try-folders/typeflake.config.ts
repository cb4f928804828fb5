import { defineFleet } from "typeflake";

export default defineFleet({
  description: "typeflake benchmark: 3 hosts, WireGuard hub and spoke",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
  secrets: { hostKeys: {
    "hub": "age1xu0jkwgelnualz5efv69wnmvjzxv49v7mq500ata855a66z5r5kkxp3nug",
    "node-0001": "age1zta5uv7qtzvn37ktmn4s2z9cjwucwrgqvvpnaw3d0ktpjqel6nvk4vf5rq",
    "node-0002": "age1rd77krm3vatxkfjq7u9tt99pxcnftlu628u755lm6qw8r3ywy38c9w5kg4",
  }, secrets: { "wireguard-key": {} } },
  deploy: { tool: "deploy-rs", sshUser: "deploy", user: "root" },
});
