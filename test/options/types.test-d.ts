/**
 * Type-level tests of the generated option types, checked by `tsc --noEmit` (this folder is in
 * tsconfig's `include`): each `@ts-expect-error` must meet an error, every other line must compile.
 */
import {
  host,
  mkAfter,
  mkBefore,
  mkDefault,
  mkForce,
  mkIf,
  mkMerge,
  nix,
  nixPath,
  nixString,
  pkg,
  secret,
} from "../../dsl/expressions.ts";
import type { NixosOptions } from "../../dsl/nixos-options/types.ts";

/** Only the type matters; the values are never used at runtime. */
const accept = (options: NixosOptions): NixosOptions => options;

accept({ services: { openssh: { enable: true } } });

accept({
  // @ts-expect-error a misspelt option is a compile error
  services: { opensshh: {} },
});

accept({
  virtualisation: {
    docker: {
      // @ts-expect-error "jsonfile" is not one of the log drivers
      logDriver: "jsonfile",
    },
  },
});

accept({ virtualisation: { docker: { logDriver: "json-file", storageDriver: null } } });

// Nested submodules: attribute-set elements and their own attribute sets.
accept({
  services: {
    nginx: {
      enable: true,
      virtualHosts: {
        "grafana.lab.local": {
          forceSSL: true,
          locations: { "/": { proxyPass: host("compute").port(3000), proxyWebsockets: true } },
          // @ts-expect-error a misspelt option inside a submodule element
          locatoins: {},
        },
      },
    },
  },
});

// Lists of submodules, integers, packages, paths and secrets.
accept({
  networking: {
    firewall: { allowedTCPPorts: [22, 80, 443], allowedUDPPorts: [51820] },
    wireguard: {
      interfaces: {
        wg0: {
          ips: ["10.100.0.1/24"],
          listenPort: 51820,
          privateKeyFile: secret("wireguard-key").path,
          peers: [{ publicKey: "abc=", allowedIPs: ["10.100.0.2/32"] }],
        },
      },
    },
  },
  environment: { systemPackages: [pkg("htop"), nix`pkgs.git`], etc: { motd: { source: nixPath("./motd") } } },
  // @ts-expect-error a string is not a boolean
  boot: { zfs: { forceImportRoot: "yes" } },
});

// Every option takes raw Nix and the mk* wrappers.
accept({
  services: {
    openssh: { enable: mkForce(true), ports: mkDefault([2222]), settings: { PermitRootLogin: "no", MaxAuthTries: 3 } },
    samba: {
      settings: { global: { security: "user", "server min protocol": "SMB3" }, media: { path: "/tank/media" } },
    },
  },
  networking: { hostName: nix`"nas"`, firewall: { enable: mkIf(true, true) } },
  systemd: {
    services: { backup: mkMerge([{ script: "true" }]), hello: { script: nixString`${pkg("hello")}/bin/hello` } },
  },
});

accept({
  services: {
    openssh: {
      settings: {
        // @ts-expect-error a declared option of an open submodule keeps its type
        PermitRootLogin: "maybe",
      },
    },
  },
});

// Read-only options cannot be set.
accept({
  system: {
    nixos: {
      // @ts-expect-error NixOS computes system.nixos.release
      release: "24.11",
    },
  },
});

// Nix functions (overlays) can only be raw Nix.
accept({ nixpkgs: { overlays: [nix`(final: prev: { })`] } });
accept({
  nixpkgs: {
    // @ts-expect-error an overlay cannot be a TypeScript object
    overlays: [{}],
  },
});

// A package option does not take a string.
accept({
  services: {
    nginx: {
      // @ts-expect-error write pkg("nginx")
      package: "nginx",
    },
  },
});

// Types that modules describe in their own words, typed as the module builds them.
accept({
  services: {
    unbound: {
      settings: {
        server: { interface: ["127.0.0.1"], "do-not-query-localhost": false },
        "forward-zone": [{ name: ".", "forward-addr": ["1.1.1.1@853#cloudflare-dns.com"] }],
        // A namespace declared inside unbound's freeform settings takes other setting values too.
        "remote-control": { "control-enable": true, "control-interface": ["127.0.0.1", "::1"] },
      },
    },
    mosquitto: { settings: { max_keepalive: 60, persistence_location: "/var/lib/mosquitto" } },
    sanoid: { templates: { daily: { daily: 7, autosnap: true, frequent_period: 15 } } },
    syncthing: { settings: { folders: { music: { path: "~/music" } } } },
  },
});

accept({
  services: {
    mosquitto: {
      settings: {
        // @ts-expect-error mosquitto's settings are strings, paths, booleans or integers
        max_keepalive: { seconds: 60 },
      },
    },
  },
});

accept({
  services: {
    unbound: {
      settings: {
        // @ts-expect-error control-enable is declared as a boolean
        "remote-control": { "control-enable": "yes" },
      },
    },
  },
});

// mk* wrappers carry the type of what they wrap: the editor checks it against the option.
accept({ services: { openssh: { enable: mkIf(true, mkForce(true)), settings: mkDefault({ PermitRootLogin: "no" }) } } });
accept({
  services: {
    openssh: {
      // @ts-expect-error "yes" is not a boolean, even inside mkForce
      enable: mkForce("yes"),
    },
  },
});
accept({
  services: {
    openssh: {
      // @ts-expect-error "maybe" is not one of PermitRootLogin's values, even inside mkDefault
      settings: mkDefault({ PermitRootLogin: "maybe" }),
    },
  },
});

// NixOS merges each list item as a definition of its own: an item may be wrapped, and the
// wrapped value must still be an item of the list's type.
accept({
  networking: { firewall: { allowedTCPPorts: [22, mkIf(true, 80), mkIf(nix`config.x`, 443), mkDefault(8080), mkBefore(1), mkForce(mkAfter(2)), mkMerge([9, 9])] } },
  environment: { systemPackages: [pkg("htop"), mkIf(true, pkg("git"))] },
});
accept({
  networking: {
    firewall: {
      // @ts-expect-error "http" is not a port, even inside mkIf in a list
      allowedTCPPorts: [22, mkIf(true, "http")],
    },
  },
});
accept({
  environment: {
    // @ts-expect-error a package is written pkg("git"), inside mkDefault too
    systemPackages: [mkDefault("git")],
  },
});

// NixOS takes mkIf/mkMerge off first, then one mkOverride, then one mkOrder: a wrapper written
// inside a later one would be left on, and the option's type would see an attribute set.
accept({ services: { openssh: { enable: mkIf(true, mkForce(true)), ports: mkForce(mkBefore([22])) } } });
// An mkMerge of sets of options is split into separate definitions, so mkForce may stand around it.
accept({ services: { openssh: mkForce(mkMerge([{ enable: true }, { ports: [22] }])) } });
accept({
  services: {
    openssh: {
      // @ts-expect-error mkIf inside mkForce is left on: write mkIf(true, mkForce(true))
      enable: mkForce(mkIf(true, true)),
      // @ts-expect-error mkForce inside mkBefore is left on: write mkForce(mkBefore([22]))
      ports: mkBefore(mkForce([22])),
    },
  },
});
