import { describe, expect, it } from "vitest";
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
import { child, type Diagnostic } from "../../generators/diagnostics/diagnostic.ts";
import { checkNixosOptions } from "../../generators/options/check-options.ts";
import { originKey } from "../../generators/options/losing-definitions.ts";
import { namedElsewhere } from "../../generators/options/name-defaults.ts";
import { readOptionsJson } from "../../generators/options/options-file.ts";
import { buildOptionIndex } from "../../generators/options/runtime-index.ts";
import { shippedOptionIndex } from "../../generators/options/shipped.ts";
import { shippedOptionCount } from "./support.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

const origin = { file: "hosts/nas/host.ts", objectPath: ["nixos"] } as const;
const check = (tree: unknown): Diagnostic[] => checkNixosOptions(tree, origin, shippedOptionIndex());
/** Each diagnostic as `code @ object path: message`, for compact expectations. */
const summary = (tree: unknown): string[] =>
  check(tree).map(
    (diagnostic) => `${diagnostic.code} @ ${diagnostic.origin.objectPath.join("/")}: ${messageOf(diagnostic)}`,
  );

describe("checkNixosOptions accepts", () => {
  it("the reference homelab's raw options", () => {
    expect(
      check({
        networking: { hostName: "nas", hostId: "a1b2c3d4", firewall: { allowedTCPPorts: [445, 139, 2049] } },
        boot: {
          supportedFilesystems: ["zfs"],
          zfs: { extraPools: ["tank"] },
          kernel: { sysctl: { "net.ipv4.ip_forward": 1 } },
        },
        services: {
          samba: {
            enable: true,
            settings: {
              global: { security: "user", "server min protocol": "SMB3" },
              media: { path: "/tank/media", "read only": "no", "valid users": "media" },
            },
          },
          nfs: { server: { enable: true, exports: "/tank/media 10.0.20.0/24(ro)" } },
          nginx: {
            enable: true,
            recommendedProxySettings: true,
            virtualHosts: { "grafana.lab.local": { locations: { "/": { proxyPass: "http://10.0.20.11:3000" } } } },
          },
        },
        sops: {
          defaultSopsFile: nixPath("../../secrets/secrets.yaml"),
          age: { keyFile: "/var/lib/sops-nix/key.txt" },
          secrets: { "wireguard-key": {} },
        },
        swapDevices: [{ device: "/dev/sda2" }],
        users: { users: { deploy: { isNormalUser: true, extraGroups: ["wheel"], shell: pkg("zsh") } } },
      }),
    ).toEqual([]);
  });

  it("typeflake expression values where their type fits", () => {
    expect(
      check({
        networking: {
          wireguard: {
            interfaces: {
              wg0: {
                privateKeyFile: secret("wireguard-key").path,
                peers: [{ publicKey: "x=", endpoint: host("gateway") }],
              },
            },
          },
        },
        services: { nginx: { virtualHosts: { x: { locations: { "/": { proxyPass: host("compute").port(3000) } } } } } },
        environment: { systemPackages: [pkg("htop"), nix`pkgs.git`], etc: { motd: { source: nixPath("./motd") } } },
        systemd: {
          services: { hello: { script: nixString`${pkg("hello")}/bin/hello`, path: [pkg("curl"), "/run/wrappers"] } },
        },
      }),
    ).toEqual([]);
  });

  it("raw Nix anywhere, without looking inside", () => {
    expect(check({ services: nix`{ }`, networking: { firewall: { allowedTCPPorts: nix`[ 22 ]` } } })).toEqual([]);
  });

  it("mk* wrappers around valid values, at options, attribute-set elements and namespaces", () => {
    expect(
      check({
        services: mkIf(true, {
          openssh: {
            enable: mkForce(true),
            ports: mkDefault([22]),
            settings: { PasswordAuthentication: mkForce(false) },
          },
        }),
        networking: { firewall: { extraCommands: mkAfter("iptables -A INPUT -j DROP") } },
        users: { users: { alice: mkMerge([{ isNormalUser: true }, { extraGroups: ["wheel"] }]) } },
      }),
    ).toEqual([]);
  });

  it("names under attribute sets and keys of open submodules", () => {
    expect(
      check({
        services: { openssh: { settings: { MaxAuthTries: 3, Banner: null } } },
        nix: { settings: { "experimental-features": ["nix-command", "flakes"], "max-jobs": "auto" } },
        virtualisation: {
          docker: { daemon: { settings: { "live-restore": false, "log-opts": { "max-size": "10m" } } } },
        },
      }),
    ).toEqual([]);
  });
});

describe("checkNixosOptions reports", () => {
  it("an unknown option with the closest valid paths, at its location", () => {
    expect(check({ services: { opensshh: { enable: true } } })).toEqual([
      {
        severity: "error",
        code: "unknown-option",
        origin: { file: "hosts/nas/host.ts", objectPath: ["nixos", "services", "opensshh"] },
        data: {
          path: ["services", "opensshh"],
          suggestions: [["services", "openssh"]],
          optionCount: shippedOptionCount,
          sources: ["nixos-options.json", "nixos-option-aliases.json"],
        },
      },
    ]);
    expect(summary({ services: { opensshh: { enable: true } } })).toEqual([
      "unknown-option @ nixos/services/opensshh: The option `services.opensshh' does not exist. Did you mean `services.openssh'?",
    ]);
  });

  it("a quoted key with dots, one attribute name in Nix, pointed at the option its parts spell as nested keys", () => {
    expect(summary({ networking: { "firewall.enable": false }, "environment.etc.motd": { text: "hi" } })).toEqual([
      "unknown-option @ nixos/networking/firewall.enable: The option `networking.\"firewall.enable\"' does not exist. Did you mean " +
        "`networking.firewall.enable'? A quoted key with dots is one attribute name in Nix, not a path: write each part as a nested key.",
      "unknown-option @ nixos/environment.etc.motd: The option `\"environment.etc.motd\"' does not exist. Did you mean " +
        "`environment.etc.motd'? A quoted key with dots is one attribute name in Nix, not a path: write each part as a nested key.",
    ]);
  });

  it("an unknown option without a close name, naming options sync (the usual way to a fuller schema) and options import", () => {
    expect(summary({ services: { zorkmid: { enable: true } } })).toEqual([
      `unknown-option @ nixos/services/zorkmid: The option \`services.zorkmid' does not exist. typeflake knows ${shippedOptionCount} options ` +
        "(from nixos-options.json, nixos-option-aliases.json); if your nixpkgs or one of your modules declares this option, " +
        "write the fleet's own schema with `typeflake options sync` (it asks nix for the options of the flake's hosts; again " +
        "after `nix flake update` or a new module), or import an options.json with `typeflake options import <options.json>` " +
        "(docs/options.md).",
    ]);
  });

  it("a removed option, naming what replaced it", () => {
    expect(summary({ services: { samba: { enable: true, extraConfig: "workgroup = HOME" } } })).toEqual([
      "removed-option @ nixos/services/samba/extraConfig: The option `services.samba.extraConfig' has been removed; " +
        "use `services.samba.settings' instead (NixOS replaced free-form configuration text with structured settings).",
    ]);
  });

  it("a removed option with nothing to replace it", () => {
    expect(summary({ services: { nginx: { stateDir: "/var/nginx" } } })).toEqual([
      "removed-option @ nixos/services/nginx/stateDir: The option `services.nginx.stateDir' has been removed, and no option replaces it.",
    ]);
  });

  it("a renamed option, with the user's names filled in and the value checked at the new place", () => {
    expect(summary({ networking: { interfaces: { eth0: { ip4: "10.0.0.2" } } } })).toEqual([
      "renamed-option @ nixos/networking/interfaces/eth0/ip4: The option `networking.interfaces.eth0.ip4' has been renamed " +
        "to `networking.interfaces.eth0.ipv4.addresses'. Write `networking.interfaces.eth0.ipv4.addresses' instead.",
      "option-type-mismatch @ nixos/networking/interfaces/eth0/ip4: A definition for option " +
        "`networking.interfaces.eth0.ipv4.addresses' is not of type `list of (submodule)': got \"10.0.0.2\".",
    ]);
  });

  it("a chain of renames by its final name, and an alias as a warning", () => {
    expect(summary({ nix: { useChroot: true }, services: { sshd: { enable: true } } })).toEqual([
      "renamed-option @ nixos/nix/useChroot: The option `nix.useChroot' has been renamed to `nix.settings.sandbox'. Write `nix.settings.sandbox' instead.",
      "aliased-option @ nixos/services/sshd/enable: The option `services.sshd.enable' is an alias of `services.openssh.enable'; write `services.openssh.enable' instead.",
    ]);
    expect(check({ services: { sshd: { enable: true } } })[0]?.severity).toBe("warning");
  });

  it("a wrong enum value, suggesting the closest", () => {
    expect(summary({ services: { openssh: { settings: { PermitRootLogin: "prohibit-pasword" } } } })).toEqual([
      "option-not-in-enum @ nixos/services/openssh/settings/PermitRootLogin: A definition for option " +
        '`services.openssh.settings.PermitRootLogin\' is not one of "yes", "without-password", "prohibit-password", ' +
        '"forced-commands-only", "no": got "prohibit-pasword". Did you mean "prohibit-password"?',
    ]);
  });

  it("an integer out of range, at the list item", () => {
    expect(summary({ networking: { firewall: { allowedTCPPorts: [22, 70000] } } })).toEqual([
      "option-out-of-range @ nixos/networking/firewall/allowedTCPPorts/1: A definition for option " +
        "`networking.firewall.allowedTCPPorts[1]' is out of range: 70000 is not between 0 and 65535 (both inclusive).",
    ]);
  });

  it("values of the wrong kind, with the fix when there is a well-known one", () => {
    expect(
      summary({
        services: { openssh: { enable: "yes", ports: 22 }, nginx: { package: "nginx" } },
        networking: { firewall: { allowedUDPPorts: ["51820"] } },
        users: { users: { alice: { hashedPasswordFile: secret("alice-password") } } },
        fileSystems: { "/data": { device: "tank/data", fsType: "zfs", options: [] } },
      }),
    ).toEqual([
      "option-type-mismatch @ nixos/services/openssh/enable: A definition for option `services.openssh.enable' is not of type `boolean': got \"yes\".",
      "option-type-mismatch @ nixos/services/openssh/ports: A definition for option `services.openssh.ports' is not of type " +
        "`list of 16 bit unsigned integer; between 0 and 65535 (both inclusive)': got 22.",
      "option-type-mismatch @ nixos/services/nginx/package: A definition for option `services.nginx.package' is not of type `package': " +
        'got "nginx". Write pkg("nginx") for a package.',
      "option-type-mismatch @ nixos/networking/firewall/allowedUDPPorts/0: A definition for option `networking.firewall.allowedUDPPorts[0]' " +
        'is not of type `16 bit unsigned integer; between 0 and 65535 (both inclusive)\': got "51820". Write 51820 without quotes.',
      "option-type-mismatch @ nixos/users/users/alice/hashedPasswordFile: A definition for option `users.users.alice.hashedPasswordFile' " +
        'is not of type `null or string\': got secret("alice-password"). Use secret("alice-password").path for the decrypted file\'s path.',
      'option-check-failed @ nixos/fileSystems//data/options: A definition for option `fileSystems."/data".options\' must have at least one item: got an empty array.',
    ]);
  });

  it('errors inside nested submodules, e.g. virtualHosts."x".locations."/".proxyPass', () => {
    expect(
      summary({
        services: {
          nginx: { virtualHosts: { x: { locations: { "/": { proxyPass: 3000, root: "srv/www" } }, locatoins: {} } } },
        },
      }),
    ).toEqual([
      "option-type-mismatch @ nixos/services/nginx/virtualHosts/x/locations///proxyPass: A definition for option " +
        "`services.nginx.virtualHosts.x.locations.\"/\".proxyPass' is not of type `null or string': got 3000.",
      "option-type-mismatch @ nixos/services/nginx/virtualHosts/x/locations///root: A definition for option " +
        '`services.nginx.virtualHosts.x.locations."/".root\' is not of type `null or absolute path\': got "srv/www". ' +
        'Paths are absolute; a file beside the generated Nix is written nixPath("srv/www").',
      "unknown-option @ nixos/services/nginx/virtualHosts/x/locatoins: The option `services.nginx.virtualHosts.x.locatoins' " +
        "does not exist. Did you mean `services.nginx.virtualHosts.x.locations'?",
    ]);
  });

  it("errors in list items and submodules under null or coercion", () => {
    expect(
      summary({
        swapDevices: [{ device: "/dev/sda2", randomEncryption: { enable: true, cipher: 3 } }, { devce: "/dev/sdb2" }],
        networking: { defaultGateway: { address: "10.0.0.1", metric: "low" } },
      }),
    ).toEqual([
      "option-type-mismatch @ nixos/swapDevices/0/randomEncryption/cipher: A definition for option `swapDevices[0].randomEncryption.cipher' is not of type `string': got 3.",
      "unknown-option @ nixos/swapDevices/1/devce: The option `swapDevices[1].devce' does not exist. Did you mean `swapDevices[1].device'?",
      "option-type-mismatch @ nixos/networking/defaultGateway/metric: A definition for option `networking.defaultGateway.metric' is not of type `null or signed integer': got \"low\".",
    ]);
  });

  it("the content of mk* wrappers, list items' too", () => {
    expect(
      summary({
        services: {
          openssh: { enable: mkForce("yes") },
          nginx: { virtualHosts: mkIf(true, { y: { forceSSL: mkMerge([true, "no"]) } }) },
        },
        environment: { systemPackages: [pkg("htop"), mkForce("git")] },
      }),
    ).toEqual([
      "option-type-mismatch @ nixos/services/openssh/enable: A definition for option `services.openssh.enable' is not of type `boolean': got \"yes\".",
      "option-type-mismatch @ nixos/services/nginx/virtualHosts/y/forceSSL/1: A definition for option `services.nginx.virtualHosts.y.forceSSL' is not of type `boolean': got \"no\".",
      "option-type-mismatch @ nixos/environment/systemPackages/1: A definition for option `environment.systemPackages[1]' is not of type `package': got \"git\". Write pkg(\"git\") for a package.",
    ]);
  });

  it("read-only options, patterns and checks", () => {
    expect(
      summary({
        system: { nixos: { release: "24.11" } },
        networking: { hostName: "nas_01!" },
        time: { timeZone: "Europe/Berlin x" },
        fileSystems: { "/data": { mountPoint: "/data/" }, "/": { mountPoint: "/" } },
      }),
    ).toEqual([
      "read-only-option @ nixos/system/nixos/release: The option `system.nixos.release' is read-only: NixOS computes its value, so a definition here would conflict. Remove it.",
      "option-check-failed @ nixos/networking/hostName: A definition for option `networking.hostName' does not match the pattern " +
        '`^$|^[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?$\': got "nas_01!".',
      'option-check-failed @ nixos/time/timeZone: A definition for option `time.timeZone\' must not contain spaces: got "Europe/Berlin x".',
      'option-check-failed @ nixos/fileSystems//data/mountPoint: A definition for option `fileSystems."/data".mountPoint\' ' +
        'must not be empty and must not end in `/` (except `/` itself): got "/data/".',
    ]);
  });

  it("an element's name where NixOS defaults an option to it, unless a file sets that option", () => {
    expect(
      summary({
        fileSystems: { "/data/": { device: "/dev/sdb1" }, "/srv/": { mountPoint: "/srv" }, "/off/": mkIf(false, { device: "x" }) },
        boot: { specialFileSystems: { "/run/x/": { fsType: "tmpfs" } } },
        users: { users: { "a:b": { isNormalUser: true }, "c:d": { name: "cd" } }, groups: { "g:x": mkMerge([{}]) } },
      }),
    ).toEqual([
      'option-check-failed @ nixos/fileSystems//data/: A definition for option `fileSystems."/data/".mountPoint\' ' +
        'must not be empty and must not end in `/` (except `/` itself): got "/data/".',
      'option-check-failed @ nixos/boot/specialFileSystems//run/x/: A definition for option `boot.specialFileSystems."/run/x/".mountPoint\' ' +
        'must not be empty and must not end in `/` (except `/` itself): got "/run/x/".',
      'option-check-failed @ nixos/users/users/a:b: A definition for option `users.users."a:b".name\' must not contain newlines or colons: got "a:b".',
      'option-check-failed @ nixos/users/groups/g:x: A definition for option `users.groups."g:x".name\' must not contain newlines or colons: got "g:x".',
    ]);
    // Another file of the fleet sets the option (here in raw Nix, which may set anything): the name is no definition.
    const elsewhere = namedElsewhere([{ fileSystems: { "/data/": { mountPoint: "/data" } } }, { users: { users: nix`{ }` } }]);
    const tree = { fileSystems: { "/data/": { device: "/dev/sdb1" } }, users: { users: { "a:b": { isNormalUser: true } } } };
    expect(checkNixosOptions(tree, origin, shippedOptionIndex(), new Map(), elsewhere)).toEqual([]);
  });

  it("a user name or primary group NixOS's apply aborts on: 32 bytes or more", () => {
    expect(
      summary({ users: { users: { ["a".repeat(32)]: { isNormalUser: true }, ["b".repeat(31)]: { group: "é".repeat(16) }, c: { name: "c".repeat(31) } } } }),
    ).toEqual([
      `option-check-failed @ nixos/users/users/${"a".repeat(32)}: A definition for option \`users.users.${"a".repeat(32)}.name' ` +
        `must be shorter than 32 bytes (NixOS aborts: "longer than 31 characters which is not allowed"): got "${"a".repeat(32)}".`,
      `option-check-failed @ nixos/users/users/${"b".repeat(31)}/group: A definition for option \`users.users.${"b".repeat(31)}.group' ` +
        `must be shorter than 32 bytes (NixOS aborts: "longer than 31 characters which is not allowed"): got "${"é".repeat(16)}".`,
    ]);
  });

  it("the checks of types that modules describe in their own words", () => {
    expect(
      summary({
        services: {
          syncthing: { settings: { folders: { photos: { path: "photos" }, music: { path: "~/music" } } } },
          mosquitto: { settings: { max_keepalive: "60\nlistener 1884" } },
        },
      }),
    ).toEqual([
      "option-check-failed @ nixos/services/syncthing/settings/folders/photos/path: A definition for option " +
        "`services.syncthing.settings.folders.photos.path' must start with `/` or `~/`: got \"photos\".",
      // A string beside a path alternative: the string's own pattern is what failed.
      "option-check-failed @ nixos/services/mosquitto/settings/max_keepalive: A definition for option " +
        "`services.mosquitto.settings.max_keepalive' does not match the pattern `[^\\r\\n]*': got " +
        '"60\\nlistener 1884".',
    ]);
  });

  it("a carriage return in a single-line string, and only POSIX spaces outside a kernel parameter's quotes", () => {
    expect(summary({ systemd: { services: { a: { description: "a\rb" } } }, boot: { kernelParams: ["quiet\u00a0x", 'a="b c"'] } })).toEqual([
      "option-check-failed @ nixos/systemd/services/a/description: A definition for option " +
        "`systemd.services.a.description' must be a single line: got \"a\\rb\".",
    ]);
  });

  it("an interpolated string at a path option unless it starts absolute (with /, a package or a secret's path)", () => {
    expect(
      summary({
        age: { secretsDir: nixString`run/${"agenix"}` },
        services: { nginx: { virtualHosts: { a: { root: nixString`${pkg("htop")}/share` }, b: { root: nixString`/srv/${"b"}` } } } },
      }),
    ).toEqual([
      "option-type-mismatch @ nixos/age/secretsDir: A definition for option `age.secretsDir' is not of type `absolute path': got nixString`…`.",
    ]);
  });

  it("a Nix path where the option wants a path outside the store (it would be copied there)", () => {
    expect(summary({ sops: { age: { keyFile: nixPath("./key.txt") } } })).toEqual([
      "option-type-mismatch @ nixos/sops/age/keyFile: A definition for option `sops.age.keyFile' is not of type " +
        "`null or path not in the Nix store': got nixPath(\"./key.txt\").",
    ]);
    expect(summary({ sops: { age: { keyFile: "/var/lib/sops/key.txt" } } })).toEqual([]);
  });

  it("a whole number where only a float fits, which Nix would read as an integer", () => {
    expect(summary({ location: { latitude: 52, longitude: 13.5 }, services: { chrony: { initstepslew: { threshold: 2 } } } })).toEqual([
      "option-type-mismatch @ nixos/location/latitude: A definition for option `location.latitude' is not of type " +
        "`floating point number': got 52. A whole number is written as a Nix integer, and this option takes a float: write nix`52.0`.",
    ]);
    expect(summary({ location: { latitude: nix`52.0` } })).toEqual([]);
  });

  it("a null anywhere in a TOML value, which has no null (JSON and YAML values take one)", () => {
    expect(
      summary({
        services: {
          traefik: { dynamicConfigOptions: { http: { routers: { a: null } } }, staticConfigOptions: mkForce(null) },
          caddy: { settings: { apps: null } },
        },
      }),
    ).toEqual([
      "option-check-failed @ nixos/services/traefik/dynamicConfigOptions: A definition for option " +
        "`services.traefik.dynamicConfigOptions' must not be null or hold a null anywhere (TOML has no null): got an object.",
      "option-check-failed @ nixos/services/traefik/staticConfigOptions: A definition for option " +
        "`services.traefik.staticConfigOptions' must not be null or hold a null anywhere (TOML has no null): got null.",
    ]);
    expect(summary({ services: { traefik: { dynamicConfigOptions: { http: { routers: { a: { rule: "Host(`x`)", priority: 1 } } } } } } })).toEqual([]);
  });

  it("a line break where mosquitto's config takes a single line", () => {
    expect(summary({ services: { mosquitto: { listeners: [{ address: "0.0.0.0\nlistener 2" }] } } })).toEqual([
      "option-check-failed @ nixos/services/mosquitto/listeners/0/address: A definition for option " +
        "`services.mosquitto.listeners[0].address' must be a single line: got \"0.0.0.0\\nlistener 2\".",
    ]);
  });

  it("a pattern with line breaks, quoted on one line", () => {
    const options = readOptionsJson({ "x.line": { type: "string matching the pattern [^\r\n]*", loc: ["x", "line"] } }, "x.json");
    if (!options.ok) throw new Error(JSON.stringify(options.problems));
    const index = buildOptionIndex(options.value, [], ["x.json"]);
    const found = checkNixosOptions({ x: { line: "a\nb" } }, origin, index).map((diagnostic) => messageOf(diagnostic));
    expect(found).toEqual(["A definition for option `x.line' does not match the pattern `[^\\r\\n]*': got \"a\\nb\"."]);
  });

  it("undeclared keys in a namespace of an open submodule whose freeform values may be sets", () => {
    const remoteControl = { "control-enable": true, "control-interface": ["127.0.0.1", "::1"] };
    expect(summary({ services: { unbound: { settings: { "remote-control": remoteControl } } } })).toEqual([]);
    expect(summary({ services: { unbound: { settings: { "remote-control": { "control-port": { a: 1 } } } } } })).toHaveLength(1);
  });

  it("values only Nix can write, and a block that is not a set", () => {
    expect(summary({ nixpkgs: { overlays: [nix`(final: prev: { })`, {}] } })).toEqual([
      "option-type-mismatch @ nixos/nixpkgs/overlays/1: A definition for option `nixpkgs.overlays[1]' is not of type `nixpkgs overlay': " +
        "got an object. Only Nix can write this value: use raw Nix, nix`…`.",
    ]);
    expect(summary("services.openssh.enable = true;")).toEqual([
      'option-type-mismatch @ nixos: A nixos block must be an attribute set: got "services.openssh.enable = true;".',
    ]);
    expect(summary({ services: 3 })).toEqual([
      "option-type-mismatch @ nixos/services: `services' is a set of options, so its definition must be an attribute set: got 3.",
    ]);
  });

  it("every problem at once", () => {
    expect(check({ services: { opensshh: {}, samba: { extraConfig: "" } }, boot2: {} })).toHaveLength(3);
  });
});

// What NixOS's lib.modules does with each case was checked against the real `lib.evalModules`
// (nixpkgs lib 3b20077): `mergeDefinitions` discharges mkMerge/mkIf, takes off one mkOverride,
// then one mkOrder, and `types.listOf` merges each item as a definition of its own.
describe("mk* wrappers, taken off as NixOS takes them off", () => {
  it("accepts them as list items, each merged as a definition of its own", () => {
    expect(
      summary({
        networking: {
          firewall: {
            allowedTCPPorts: [22, mkIf(true, 80), mkIf(false, "dropped"), mkIf(nix`config.x`, 443), mkDefault(8080), mkBefore(1), mkForce(mkAfter(2))],
          },
        },
        environment: { systemPackages: [mkIf(true, pkg("htop")), mkMerge([pkg("git")])] },
        swapDevices: [mkIf(true, { device: "/dev/sda2" }), mkMerge([{ device: "/dev/sdb2" }, { priority: 1 }])],
      }),
    ).toEqual([]);
  });

  it("checks a list item's wrapped value, and an mkMerge in an item as the item's type merges", () => {
    expect(summary({ networking: { firewall: { allowedTCPPorts: [mkIf(true, "http"), mkMerge([1, 1]), mkMerge([1, 2]), mkMerge([mkDefault("lost" as never), 3])] } } })).toEqual([
      "option-type-mismatch @ nixos/networking/firewall/allowedTCPPorts/0: A definition for option `networking.firewall.allowedTCPPorts[0]' is not of type " +
        "`16 bit unsigned integer; between 0 and 65535 (both inclusive)': got \"http\".",
      "conflicting-option-definitions @ nixos/networking/firewall/allowedTCPPorts/2/1: The option `networking.firewall.allowedTCPPorts[2]' " +
        "(`16 bit unsigned integer; between 0 and 65535 (both inclusive)') has conflicting definition values in one list item's mkMerge(…): 1, 2. " +
        "NixOS merges each list item as a definition of its own and refuses this at evaluation: keep one definition in the item, or wrap the one that should win in mkForce(…).",
    ]);
    expect(summary({ environment: { systemPackages: [mkMerge([pkg("git"), pkg("git")])] } }).map((line) => line.split(":")[0])).toEqual([
      "conflicting-option-definitions @ nixos/environment/systemPackages/0/1",
    ]);
  });

  it("refuses a wrapper inside an mkOverride or mkOrder, which NixOS leaves on", () => {
    const leftOn = (inside: string, got: string, path: string) =>
      `option-wrapper-misplaced @ nixos/${path.replaceAll(".", "/").replace(/\[(\d+)\]/g, "/$1")}: A definition for option \`${path}' has ${got} inside ${inside}: ` +
      "NixOS takes a definition's mkMerge and mkIf off first, then one mkOverride (mkForce, mkDefault), then one mkOrder (mkBefore, mkAfter), " +
      "so it leaves this one on and the option's type sees an attribute set. Write the wrappers in that order, outermost first: mkIf(cond, mkForce(mkBefore(value))).";
    expect(
      summary({
        // The typed DSL refuses these too (`as never` lets them through to the run-time check).
        networking: { firewall: { allowedTCPPorts: [mkForce(mkIf(true, 1) as never), mkBefore(mkForce(2) as never), mkDefault(mkDefault(3) as never), mkIf(true, mkForce(mkBefore(4)))] } },
        services: { openssh: mkForce(mkIf(true, { enable: true }) as never), fail2ban: mkIf(true, mkForce({ enable: true })) },
      }),
    ).toEqual([
      leftOn("mkForce(…)", "mkIf(…)", "networking.firewall.allowedTCPPorts[0]"),
      leftOn("mkBefore(…)", "mkForce(…)", "networking.firewall.allowedTCPPorts[1]"),
      leftOn("mkDefault(…)", "mkDefault(…)", "networking.firewall.allowedTCPPorts[2]"),
      // pushDownProperties carries the mkForce down to `enable` as mkForce(mkIf(…)).
      leftOn("mkForce(…)", "mkIf(…)", "services.openssh.enable"),
    ]);
  });

  it("refuses a wrapped item of a systemd unit setting, whose merge joins lists as they are", () => {
    expect(summary({ systemd: { services: { a: { serviceConfig: { ExecStart: ["", mkIf(true, "/bin/a")], ExecStop: mkIf(true, ["/bin/b"]) } } } } })).toEqual([
      "option-wrapper-misplaced @ nixos/systemd/services/a/serviceConfig/ExecStart/1: A definition for option `systemd.services.a.serviceConfig.ExecStart[1]' " +
        "is mkIf(…), an item of a systemd unit setting: NixOS joins these lists without taking their items' wrappers off, so the unit file would get " +
        "an attribute set and the build fails. Wrap the whole list instead: mkIf(cond, [ … ]).",
    ]);
  });

  it("accepts one mkOverride left on a sysctl value, whose type checks and takes it off (sysctl.nix), but not two", () => {
    const sysctl = (value: unknown) => summary({ boot: { kernel: { sysctl: { "net.ipv4.ip_forward": value } } } }).map((line) => line.split(":")[0]);
    expect(sysctl(mkDefault(mkForce(1) as never))).toEqual([]);
    expect(sysctl(mkDefault(mkForce(mkForce(1) as never) as never))).toEqual(['option-wrapper-misplaced @ nixos/boot/kernel/sysctl/net.ipv4.ip_forward']);
  });

  it("accepts an mkMerge of sets of options inside mkForce: NixOS splits it into separate definitions", () => {
    expect(summary({ services: { openssh: mkForce(mkMerge([{ enable: true }, { ports: [22] }])) } })).toEqual([]);
  });

  it("accepts a wrapper left on where the type reads it as a module or keeps any set", () => {
    expect(summary({ users: { users: { alice: mkForce(mkIf(true, { isNormalUser: true }) as never) } }, services: { caddy: { settings: { apps: [mkIf(true, 1)] } } } })).toEqual([]);
  });

  it("refuses mkBefore/mkAfter around a set of options or a submodule value", () => {
    // Whatever the order holds: the priority stays on the definition the submodule merges.
    expect(summary({ users: { users: { alice: mkBefore(mkIf(true, { isNormalUser: true }) as never) } } }).map((line) => line.split(":")[0])).toEqual([
      "option-wrapper-misplaced @ nixos/users/users/alice",
    ]);
    expect(summary({ services: { openssh: mkBefore({ enable: true }) }, users: { users: { alice: mkAfter({ isNormalUser: true }) } } })).toEqual([
      "option-wrapper-misplaced @ nixos/services/openssh: `services.openssh' is a set of options, and NixOS pushes mkIf, mkMerge and mkOverride down to " +
        "the options inside it, but not mkBefore(…): put the mkBefore(…)/mkAfter(…) around the value of one option inside, such as a list.",
      "option-wrapper-misplaced @ nixos/users/users/alice: A definition for option `users.users.alice' is a submodule value inside mkAfter(…): NixOS takes " +
        "the order off but leaves its priority on the definition, which a submodule's merge refuses. Put the order around the whole list instead (mkBefore([ … ])), or leave it out.",
    ]);
  });

  it("checks nothing mkIf(false, …) drops, but still unknown options under a set of options", () => {
    expect(
      summary({
        services: { openssh: { enable: mkIf(false, "yes") }, fail2ban: mkIf(false, { enable: "yes" }) },
        users: { users: { alice: mkIf(false, { isNormalUser: "yes", bogus: 1 }) } },
      }),
    ).toEqual([]);
    expect(summary({ services: { openssh: mkIf(false, { bogus: 1 }) } }).map((line) => line.split(":")[0])).toEqual(["unknown-option @ nixos/services/openssh/bogus"]);
    // A TOML value's sets and lists merge each element and item as a definition: mkIf(false, null) there is dropped.
    expect(summary({ services: { traefik: { dynamicConfigOptions: { a: mkIf(false, null), b: [1, mkIf(false, null)] } } } })).toEqual([]);
    expect(summary({ services: { traefik: { dynamicConfigOptions: { b: [mkIf(true, null)] } } } }).map((line) => line.split(":")[0])).toEqual([
      "option-check-failed @ nixos/services/traefik/dynamicConfigOptions",
    ]);
  });

  it("skips definitions that lose on every host, and names the hosts where one applies", () => {
    const losers = new Map([
      [originKey(child(origin, "services", "openssh", "enable")), { losesOn: ["box"], appliesOn: [] }],
      [originKey(child(origin, "time", "timeZone")), { losesOn: ["box"], appliesOn: ["gw", "nas"] }],
    ]);
    const found = checkNixosOptions({ services: { openssh: { enable: mkDefault("yes") } }, time: { timeZone: mkDefault(3) } }, origin, shippedOptionIndex(), losers);
    expect(found.map(messageOf)).toEqual([
      "A definition for option `time.timeZone' is not of type `null or string without spaces': got 3. A definition of higher priority replaces it on host box, " +
        "but it applies on hosts gw and nas, where NixOS checks it.",
    ]);
  });
});
