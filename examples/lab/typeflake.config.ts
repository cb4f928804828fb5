/**
 * A six-host lab: a gateway that is the WireGuard hub and the TLS reverse proxy, two web
 * servers, a database, a monitoring host and a build machine.
 */
import { defineFleet } from "typeflake";

export default defineFleet({
  description: "Six-host lab",
  inputs: {
    nixpkgs: { url: "github:NixOS/nixpkgs/nixos-24.11" },
    "sops-nix": { url: "github:Mic92/sops-nix", follows: { nixpkgs: "nixpkgs" } },
    "deploy-rs": { url: "github:serokell/deploy-rs", follows: { nixpkgs: "nixpkgs" } },
  },
  modules: ["base"],
  secrets: {
    admins: ["age1gzegm99rprvzs8zq44ngjgux42l3ad8cgzegm99rprvzs8zq44ngjgux42"],
    hostKeys: {
      gw: "age1zd4pkjpzu5r644w6hq46pamys5c6tqtszd4pkjpzu5r644w6hq46pamys5",
      web1: "age17463f2qhp0aspf65agdu7x9u7k5ftqy27463f2qhp0aspf65agdu7x9u7k",
      web2: "age1lhrhuhe90hr0ujnp9pxuqzj47s477m9wlhrhuhe90hr0ujnp9pxuqzj47s",
      db: "age1dswpdu5300lh43ft0w2yakl335furh30dswpdu5300lh43ft0w2yakl335",
      mon: "age169zh5vzcmrjqdqyxsjqqpk25mdtrlcj869zh5vzcmrjqdqyxsjqqpk25md",
      build: "age1uak4qmtj425vyar79wdtqjxwvwlak8fruak4qmtj425vyar79wdtqjxwvw",
    },
    secrets: {
      "wireguard/gw": { file: "secrets/gw.yaml" },
      "wireguard/web1": { file: "secrets/web1.yaml" },
      "wireguard/web2": { file: "secrets/web2.yaml" },
      "wireguard/db": { file: "secrets/db.yaml" },
      "wireguard/mon": { file: "secrets/mon.yaml" },
      "wireguard/build": { file: "secrets/build.yaml" },
    },
  },
  deploy: { sshUser: "deploy", sshOpts: ["-o", "StrictHostKeyChecking=accept-new"] },
});
