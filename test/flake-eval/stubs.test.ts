/**
 * The stub inputs (test/support/stub-inputs) and the harness that evaluates flakes with them
 * (test/support/flake-eval.ts), on fixtures/stub-features: a hand-written flake that uses every
 * stub and module-system feature, evaluated by the real `nix eval` with every input stubbed. It
 * is not a copy of the reference homelab (whose own generated flake test/homelab evaluates with
 * the same stubs): it holds what typeflake never generates (conflicting definitions, declared
 * options, mkBefore/mkAfter, sops-nix and agenix side by side, an aarch64 host, nixos-hardware).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { evalFlake, evalFlakeJson, flakeInputNames } from "../support/flake-eval.ts";

const FIXTURE = fileURLToPath(new URL("./fixtures/stub-features", import.meta.url));

/** What {@link HOMELAB_VALUES} returns. */
interface HomelabValues {
  samba: Record<string, Record<string, string>>;
  exports: string;
  tcpPorts: number[];
  permitRootLogin: string;
  backup: unknown;
  timeZone: string;
  forceImportRoot: boolean;
  fail2ban: { success: boolean };
  nodeExporter: { enable: boolean; port: number; openFirewall: boolean };
  zfsExporter: boolean;
  kernelModules: string[];
  systemPackages: string[];
  homelabStatus: string;
  curl: string;
  nodeExporterVersion: string;
  nasSystem: string;
  wireguardKeyFile: string;
  peers: { publicKey: string; allowedIPs: string[] }[];
  sopsFile: string;
  toplevel: string;
  gateway: {
    system: string;
    wireguardKeyFile: string;
    homeManagerUsers: string[];
    useGlobalPkgs: boolean;
    useUserPackages: boolean;
  };
  deployNas: Record<string, unknown>;
  deployNasProfile: string;
  checks: Record<string, Record<string, string>>;
  hive: {
    deployment: Record<string, { targetHost: string; targetUser: string; tags: string[] }>;
    gatewayHostName: string;
    nasToplevel: string;
  };
}

/** Every value the tests below read, in one nix call. */
const HOMELAB_VALUES = `self:
  let
    nas = self.nixosConfigurations.nas;
    gateway = self.nixosConfigurations.gateway;
    hive = self.colmenaHive;
  in
  {
    samba = nas.config.services.samba.settings;
    exports = nas.config.services.nfs.server.exports;
    tcpPorts = nas.config.networking.firewall.allowedTCPPorts;
    permitRootLogin = nas.config.services.openssh.settings.PermitRootLogin;
    backup = nas.config.services.restic.backups.nightly;
    timeZone = nas.config.time.timeZone;
    forceImportRoot = nas.config.boot.zfs.forceImportRoot;
    fail2ban = builtins.tryEval nas.config.services.fail2ban.enable;
    nodeExporter = nas.config.services.prometheus.exporters.node;
    zfsExporter = nas.config.services.prometheus.exporters.zfs.enable;
    kernelModules = nas.config.boot.initrd.availableKernelModules;
    systemPackages = map (p: p.name) nas.config.environment.systemPackages;
    homelabStatus = nas.pkgs.homelab-status.text;
    curl = nas.pkgs.curl.outPath;
    nodeExporterVersion = nas.pkgs.prometheus-node-exporter.version;
    nasSystem = nas.pkgs.system;
    wireguardKeyFile = nas.config.networking.wireguard.interfaces.wg0.privateKeyFile;
    peers = nas.config.networking.wireguard.interfaces.wg0.peers;
    sopsFile = nas.config.sops.defaultSopsFile;
    toplevel = nas.config.system.build.toplevel.name;
    gateway = {
      system = gateway.pkgs.system;
      wireguardKeyFile = gateway.config.networking.wireguard.interfaces.wg0.privateKeyFile;
      homeManagerUsers = builtins.attrNames gateway.config.home-manager.users;
      inherit (gateway.config.home-manager) useGlobalPkgs useUserPackages;
    };
    deployNas = removeAttrs self.deploy.nodes.nas [ "profiles" ];
    deployNasProfile = self.deploy.nodes.nas.profiles.system.path.name;
    checks = self.checks;
    hive = {
      deployment = hive.deploymentConfig;
      gatewayHostName = hive.nodes.gateway.config.networking.hostName;
      nasToplevel = hive.toplevel.nas.name;
    };
  }`;

describe("the stub inputs, through a flake shaped like typeflake's homelab", () => {
  let values: HomelabValues;
  beforeAll(() => {
    values = evalFlakeJson(FIXTURE, HOMELAB_VALUES) as HomelabValues;
  });

  it("evaluates host options: nested sets, multi-line strings, mkMerge", () => {
    expect(values.samba).toEqual({
      global: { security: "user", "server min protocol": "SMB3" },
      media: { path: "/tank/media", "read only": "no" },
    });
    expect(values.exports).toBe("/tank/media 10.0.20.0/24(rw,sync,no_subtree_check)\n");
    expect(values.peers).toEqual([
      {
        publicKey: "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=",
        allowedIPs: ["10.100.0.1/32"],
        endpoint: "10.0.20.1:51820",
      },
    ]);
  });

  it("concatenates lists from several modules, mkBefore first, mkAfter last, mkIf false left out", () => {
    // common.nix: mkBefore [ 22 ]; the host: [ 139 445 2049 ]; monitoring.nix: [ 9100 ] and,
    // as samba is enabled, [ 9922 ] but not its `mkIf false [ 1 ]`. Imported modules' items come
    // before the importing host's, as the real lib orders definitions.
    expect(values.tcpPorts).toEqual([22, 9100, 9922, 139, 445, 2049]);
    // common.nix's git before the host's own: the modules the flake lists after the host are merged first.
    expect(values.systemPackages).toEqual([
      "git-24.11",
      "htop-24.11",
      "homelab-status",
      "vim-unstable",
      "prometheus-node-exporter-unstable",
    ]);
    expect(values.kernelModules).toEqual(["ahci", "xhci_pci", "sd_mod"]);
  });

  it("resolves priorities: mkForce beats a plain value, a plain value beats mkDefault", () => {
    expect(values.permitRootLogin).toBe("no");
    expect(values.timeZone).toBe("Europe/Berlin");
  });

  it("gives declared options their defaults, mkEnableOption included, in the options/config form", () => {
    expect(values.backup).toEqual({
      paths: ["/tank/media"],
      repository: "/tank/backups/restic",
      timerConfig: { OnCalendar: "daily" },
    });
  });

  it("drops mkIf false definitions and evaluates conditions on config lazily", () => {
    expect(values.forceImportRoot).toBe(false);
    // Everything under `services.fail2ban = mkIf false { … }` is "used but not defined".
    expect(values.fail2ban.success).toBe(false);
    // `openFirewall = mkIf config.…node.enable true` reads its own set; zfs reads a list option.
    expect(values.nodeExporter).toEqual({ enable: true, port: 9100, openFirewall: true });
    expect(values.zfsExporter).toBe(true);
  });

  it("applies the overlays: interpolated store paths, packages from the unstable input", () => {
    expect(values.curl).toMatch(/^\/nix\/store\/[0-9a-f]{32}-curl-24\.11$/);
    expect(values.homelabStatus).toBe(
      `echo "=== $(hostname) ==="\n${values.curl}/bin/curl -s http://localhost:9100/metrics | head -5\n`,
    );
    expect(values.nodeExporterVersion).toBe("unstable");
  });

  it("gives pkgs the host's system", () => {
    expect(values.nasSystem).toBe("x86_64-linux");
    expect(values.gateway.system).toBe("aarch64-linux");
    expect(values.toplevel).toBe("nixos-system-nas");
  });

  it("gives sops-nix and agenix secrets their runtime paths", () => {
    expect(values.wireguardKeyFile).toBe("/run/secrets/wireguard-key");
    expect(values.gateway.wireguardKeyFile).toBe("/run/agenix/wireguard-key");
    expect(values.sopsFile).toMatch(/^\/nix\/store\/[0-9a-z]{32}-secrets\.yaml$/);
  });

  it("takes home-manager's NixOS options with their defaults", () => {
    expect(values.gateway).toMatchObject({ homeManagerUsers: ["alice"], useGlobalPkgs: true, useUserPackages: false });
  });

  it("evaluates deploy-rs nodes, their profiles and checks", () => {
    expect(values.deployNas).toEqual({
      hostname: "10.0.20.10",
      sshUser: "deploy",
      user: "root",
      magicRollback: true,
      autoRollback: true,
      confirmTimeout: 240,
    });
    expect(values.deployNasProfile).toBe("activatable-nixos-system-nas");
    expect(Object.keys(values.checks).sort()).toEqual(["aarch64-linux", "x86_64-linux"]);
    expect(Object.keys(values.checks["x86_64-linux"] ?? {}).sort()).toEqual(["activate", "schema"]);
  });

  it("evaluates a colmena hive with colmena's deployment defaults", () => {
    expect(values.hive.deployment.nas).toMatchObject({ targetHost: "10.0.20.10", targetUser: "deploy", tags: ["storage"] });
    expect(values.hive.deployment.gateway).toMatchObject({ targetHost: "gateway", targetUser: "root", tags: [] });
    expect(values.hive.gatewayHostName).toBe("gateway");
    expect(values.hive.nasToplevel).toBe("nixos-system-nas");
  });
});

describe("the stub nixpkgs' lib and packages", () => {
  it("behave as nixpkgs' do", () => {
    const probe = `self:
      let
        inherit (self.inputs.nixpkgs) lib legacyPackages;
      in
      {
        optionals = lib.optionals true [ 1 ] ++ lib.optionals false [ 2 ] ++ lib.optional true 3;
        optionalAttrs = lib.optionalAttrs false { a = 1; } // lib.optionalAttrs true { b = 2; };
        optionalString = lib.optionalString true "x" + lib.optionalString false "y";
        filterAttrs = lib.filterAttrs (name: value: value > 1) { a = 1; b = 2; };
        mapAttrsToList = lib.mapAttrsToList (name: value: "\${name}=\${toString value}") { a = 1; b = 2; };
        recursiveUpdate = lib.recursiveUpdate { a = { b = 1; c = 2; }; d = 1; } { a.b = 3; e = 4; };
        genAttrs = lib.genAttrs [ "x" "y" ] (name: name + name);
        concatMapStringsSep = lib.concatMapStringsSep "," toString [ 1 2 ];
        fromBuiltins = lib.concatStringsSep "-" (lib.attrNames { b = 1; a = 2; });
        aarch64Htop = legacyPackages.aarch64-linux.htop.system;
        nestedPackage = legacyPackages.x86_64-linux.python3Packages.requests.name;
        listItems = (lib.evalModules { modules = [ { ports = [ (lib.mkIf true 1) (lib.mkIf false 2) (lib.mkDefault 3) 4 ]; } ]; }).config.ports;
      }`;
    expect(evalFlakeJson(FIXTURE, probe)).toEqual({
      optionals: [1, 3],
      optionalAttrs: { b: 2 },
      optionalString: "x",
      filterAttrs: { b: 2 },
      mapAttrsToList: ["a=1", "b=2"],
      recursiveUpdate: { a: { b: 3, c: 2 }, d: 1, e: 4 },
      genAttrs: { x: "xx", y: "yy" },
      concatMapStringsSep: "1,2",
      fromBuiltins: "a-b",
      aarch64Htop: "aarch64-linux",
      nestedPackage: "requests-24.11",
      listItems: [1, 3, 4],
    });
  });
});

describe("errors the stubs report as their real counterparts do", () => {
  it("throws on conflicting definitions, naming the option and the files", () => {
    expect(() => evalFlake(FIXTURE, "nixosConfigurations.broken.config.networking.domain")).toThrow(
      /The option `networking\.domain' has conflicting definition values:\s+- In `\/nix\/store\/[^']*\/hosts\/broken\/extra\.nix': "home\.arpa"\s+- In `\/nix\/store\/[^']*\/hosts\/broken': "lab\.local"/,
    );
  });

  it("fails deploy-rs's schema check for a malformed deploy tree", () => {
    const check = `self: (self.inputs.deploy-rs.lib.x86_64-linux.deployChecks {
      nodes.lab = { sshUser = 1; profiles.system.user = "root"; };
    }).schema`;
    expect(() => evalFlakeJson(FIXTURE, check)).toThrow(
      /deploy\.nodes\.lab\.hostname is required\s+deploy\.nodes\.lab\.sshUser: expected string, got int\s+deploy\.nodes\.lab\.profiles\.system\.path is required/,
    );
  });

  it("fails deploy-rs's activate check for a profile not made with activate.*", () => {
    const check = `self: (self.inputs.deploy-rs.lib.x86_64-linux.deployChecks {
      nodes.lab = { hostname = "lab"; profiles.system.path = self.nixosConfigurations.nas.config.system.build.toplevel; };
    }).activate`;
    expect(() => evalFlakeJson(FIXTURE, check)).toThrow(/deploy\.nodes\.lab\.profiles\.system\.path is missing the deploy-rs-activate/);
  });
});

describe("the sops-nix stub's checks", () => {
  const checked = (secrets: string, users = "{ }") => `self: (self.inputs.nixpkgs.lib.nixosSystem {
    system = "x86_64-linux";
    modules = [ self.inputs.sops-nix.nixosModules.sops { sops.secrets = ${secrets}; users.users = ${users}; } ];
  }).config.sops.secretsChecked`;

  it("fails as sops-nix does on an owner that is no user, when the secret names no group", () => {
    expect(() => evalFlakeJson(FIXTURE, checked('{ k.owner = "ghost"; }'))).toThrow(/attribute 'ghost' missing/);
  });

  it("passes an owner that is a user, or a secret that names its group", () => {
    expect(evalFlakeJson(FIXTURE, checked('{ k.owner = "svc"; }', '{ svc.group = "svc"; }'))).toBe(true);
    expect(evalFlakeJson(FIXTURE, checked('{ k = { owner = "ghost"; group = "ghost"; }; }'))).toBe(true);
  });
});

describe("the harness", () => {
  it("lists the inputs a flake declares", () => {
    expect(flakeInputNames(FIXTURE)).toEqual([
      "agenix",
      "colmena",
      "deploy-rs",
      "home-manager",
      "nixos-hardware",
      "nixpkgs",
      "nixpkgs-unstable",
      "sops-nix",
    ]);
  });

  it("evaluates one attribute path, quoted names included, and writes no flake.lock", () => {
    expect(evalFlake(FIXTURE, 'nixosConfigurations.nas.config.sops.secrets."wireguard-key".path')).toBe(
      "/run/secrets/wireguard-key",
    );
    expect(existsSync(join(FIXTURE, "flake.lock"))).toBe(false);
  });

  it("names the inputs it has no stub for", () => {
    const dir = mkdtempSync(join(tmpdir(), "typeflake-nostub-"));
    try {
      writeFileSync(
        join(dir, "flake.nix"),
        '{ inputs.impermanence.url = "github:nix-community/impermanence"; outputs = { self, impermanence, disko }: { }; }',
      );
      expect(() => evalFlake(dir, "x")).toThrow(/inputs without a stub flake[^]*"disko", "impermanence"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("leaves node_modules and dot-folders out of what nix reads", () => {
    const dir = mkdtempSync(join(tmpdir(), "typeflake-repo-like-"));
    try {
      cpSync(FIXTURE, dir, { recursive: true });
      for (const skipped of ["node_modules", ".git"]) {
        mkdirSync(join(dir, skipped));
        writeFileSync(join(dir, skipped, "marker"), "");
      }
      const seen = `self: map (name: builtins.pathExists "\${self.outPath}/\${name}") [ "node_modules" ".git" "hosts" ]`;
      expect(evalFlakeJson(dir, seen)).toEqual([false, false, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
