import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { secretName } from "../../dsl/checks.ts";
import { hostSchema } from "../../dsl/host.ts";
import { hostFile } from "../../generators/files/host-file.ts";
import { fleetScope } from "../../generators/files/scope.ts";
import { nixPath, secret } from "../../dsl/expressions.ts";
import type { FleetInput } from "../../dsl/fleet.ts";
import { agenixRulesFile } from "../../generators/files/agenix-rules.ts";
import { renderSopsYaml } from "../../generators/files/sops-yaml.ts";
import { printNixExpr } from "../../generators/nix/print.ts";
import { nixInstantiate } from "../support/nix.ts";
import { lowerSecrets } from "../../generators/lower/secrets/index.ts";
import { secretUsage } from "../../generators/lower/secrets/usage.ts";
import { indexFleet } from "../../generators/model/fleet-index.ts";
import { buildFleet, lowered } from "./support/fleet.ts";
import { homelab } from "./support/homelab.ts";
import { AGE } from "./support/keys.ts";
import { secretSchema, secretsSchema } from "../../dsl/secrets.ts";

const hostContext = (fleet: ReturnType<typeof homelab>, host: string) => ({
  index: indexFleet(fleet),
  hostName: host,
  origin: { file: `hosts/${host}/host.ts`, objectPath: [] },
  fleetRootFromFile: "../../",
});
const fleetWithSecrets = (secrets: FleetInput["secrets"]) =>
  buildFleet({
    config: { secrets },
    hosts: {
      gateway: { address: "10.0.20.1", secrets: ["wireguard-key", "shared"] },
      nas: { address: "10.0.20.10", nixos: { environment: { etc: { a: { source: secret("nas-only").path }, b: { source: secret("shared").path } } } } },
      compute: { address: "10.0.20.11" },
    },
  });

describe("sops-nix lowering", () => {
  it("reproduces the seed: default file relative to the host file, age key, secrets with their settings", () => {
    const fleet = homelab();
    const { definitions, diagnostics } = lowerSecrets(fleet, ["database/password", "wireguard-key"], hostContext(fleet, "gateway"));
    expect(diagnostics).toEqual([]);
    expect(definitions).toEqual([
      { path: ["sops", "defaultSopsFile"], value: nixPath("../../secrets/secrets.yaml"), origin: { file: "typeflake.config.ts", objectPath: ["secrets", "defaultFile"] } },
      { path: ["sops", "age", "keyFile"], value: "/var/lib/sops-nix/key.txt", origin: { file: "typeflake.config.ts", objectPath: ["secrets", "ageKeyFile"] } },
      { path: ["sops", "secrets", "database/password"], value: { owner: "postgres" }, origin: { file: "typeflake.config.ts", objectPath: ["secrets", "secrets", "database/password"] } },
      { path: ["sops", "secrets", "wireguard-key"], value: {}, origin: { file: "typeflake.config.ts", objectPath: ["secrets", "secrets", "wireguard-key"] } },
    ]);
  });

  it("names no age key file unless the fleet does: sops-nix then decrypts with the SSH host key, and a key file named but missing fails activation", () => {
    const fleet = fleetWithSecrets({ secrets: { "wireguard-key": {} } });
    const { definitions } = lowerSecrets(fleet, ["wireguard-key"], hostContext(fleet, "gateway"));
    expect(definitions.map((definition) => definition.path.join("."))).toEqual(["sops.defaultSopsFile", "sops.secrets.wireguard-key"]);
  });

  it("writes group, mode, restart units and a secret's own file", () => {
    const fleet = fleetWithSecrets({
      defaultFile: "secrets/common.yaml",
      ageKeyFile: "/persist/sops/key.txt",
      secrets: { "wireguard-key": { group: "systemd-network", mode: "0440", file: "secrets/gateway.yaml", restartUnits: ["wireguard-wg0.service"] } },
    });
    const { definitions } = lowerSecrets(fleet, ["wireguard-key"], { ...hostContext(fleet, "gateway"), fleetRootFromFile: "../" });
    expect(definitions.map((definition) => definition.value)).toEqual([
      nixPath("../secrets/common.yaml"),
      "/persist/sops/key.txt",
      { group: "systemd-network", mode: "0440", sopsFile: nixPath("../secrets/gateway.yaml"), restartUnits: ["wireguard-wg0.service"] },
    ]);
  });
});

describe("sops-nix lowering: what the real module needs besides the values", () => {
  it("marks a user's password file neededForUsers: sops-nix decrypts ordinary secrets only after the users exist", () => {
    const fleet = buildFleet({
      config: { secrets: { secrets: { "alice-password": {}, other: {} } } },
      hosts: { nas: { address: "10.0.20.10", users: { alice: { hashedPasswordFile: secret("alice-password") } }, secrets: ["other"] } },
    });
    const { definitions } = lowerSecrets(fleet, ["alice-password", "other"], hostContext(fleet, "nas"));
    expect(definitions.filter((definition) => definition.path[1] === "secrets").map((definition) => [definition.path[2], definition.value])).toEqual([
      ["alice-password", { neededForUsers: true }],
      ["other", {}],
    ]);
  });

  it("warns that a password secret's owner and group are ignored: sops-nix installs it as root:root", () => {
    const fleet = buildFleet({
      config: { secrets: { secrets: { "alice-password": { owner: "alice", group: "root" } } } },
      hosts: { nas: { address: "10.0.20.10", users: { alice: { hashedPasswordFile: secret("alice-password") } } } },
    });
    const { diagnostics } = lowerSecrets(fleet, ["alice-password"], hostContext(fleet, "nas"));
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.origin.objectPath])).toEqual([
      ["password-secret-owner", "warning", ["secrets", "secrets", "alice-password", "owner"]],
    ]);
  });

  it("tells sops-nix each file's format from its extension, as sops chose it when encrypting", () => {
    const fleet = fleetWithSecrets({
      defaultFile: "secrets/common.json",
      secrets: {
        env: { file: "secrets/app.env" },
        ini: { file: "secrets/app.ini" },
        key: { file: "secrets/tls.key" },
        yaml: { file: "secrets/other.yml" },
        json: { file: "secrets/other.json" },
      },
    });
    const { definitions } = lowerSecrets(fleet, ["env", "ini", "json", "key", "yaml"], hostContext(fleet, "gateway"));
    expect(definitions.map((definition) => [definition.path.join("."), definition.value])).toEqual([
      ["sops.defaultSopsFile", nixPath("../../secrets/common.json")],
      ["sops.defaultSopsFormat", "json"],
      ["sops.secrets.env", { sopsFile: nixPath("../../secrets/app.env"), format: "dotenv" }],
      ["sops.secrets.ini", { sopsFile: nixPath("../../secrets/app.ini"), format: "ini" }],
      ["sops.secrets.json", { sopsFile: nixPath("../../secrets/other.json") }],
      ["sops.secrets.key", { sopsFile: nixPath("../../secrets/tls.key"), format: "binary" }],
      ["sops.secrets.yaml", { sopsFile: nixPath("../../secrets/other.yml"), format: "yaml" }],
    ]);
  });
});

describe("a secret's mode", () => {
  const accepts = (mode: string) => secretSchema.safeParse({ mode }).success;
  const issues = (input: object) =>
    secretsSchema.safeParse(input).error?.issues.map((issue) => `${issue.path.join(".")}: ${(issue as { params?: { expected?: string } }).params?.expected ?? issue.message}`) ?? [];

  it("takes exactly what GNU chmod, which agenix's install script runs (`chmod <mode> <file>`), takes: octal or symbolic", () => {
    const folder = mkdtempSync(join(tmpdir(), "typeflake-mode-"));
    const file = join(folder, "secret");
    writeFileSync(file, "");
    const chmodTakes = (mode: string) => spawnSync("chmod", [mode, file]).status === 0;
    const modes = ["0400", "400", "40", "7", "0000", "1640", "07777", "u=r,g=r", "a-rwx,u+r", "go=", "u+X,o-t", "=r", "u=g", "ug=rw,o=", "=640", "+644,u-x", "-w"];
    const refused = ["0800", "12345", "17777", "u=q", "u", "rw", "u=r g=r", "u=r;x", "", ",u=r", "u=r,", "u=640", "go=0", "u=rwg", "a=7777", "$(id)"];
    try {
      expect(modes.filter((mode) => !chmodTakes(mode))).toEqual([]);
      expect(refused.filter(chmodTakes)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true });
    }
    expect(modes.filter((mode) => !accepts(mode))).toEqual([]);
    expect(refused.filter(accepts)).toEqual([]);
  });

  it("agenix takes symbolic modes and setuid/setgid/sticky digits, as chmod does", () => {
    expect(issues({ backend: "agenix", secrets: { a: { mode: "u=r,g=r", file: "secrets/a.age" }, b: { mode: "1640" } } })).toEqual([]);
  });

  it("sops-nix takes octal permission bits only: sops-install-secrets parses the mode as octal and drops the 07000 digit", () => {
    expect(issues({ secrets: { a: { mode: "0440" }, b: { mode: "640" }, c: { mode: "00600" } } })).toEqual([]);
    expect(issues({ secrets: { sym: { mode: "u=r,g=r" }, sticky: { mode: "1640" }, set: { mode: "=640" } } }).map((issue) => issue.split(":")[0])).toEqual([
      "secrets.sym.mode",
      "secrets.sticky.mode",
      "secrets.set.mode",
    ]);
    expect(issues({ secrets: { sym: { mode: "u=r" } } })[0]).toContain("sops-nix parses the mode as an octal number");
  });
});

describe("a secret's owner and group", () => {
  const paths = (input: object) => secretsSchema.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("agenix takes numeric ids, which its `chown <owner>:<group>` takes", () => {
    expect(paths({ backend: "agenix", secrets: { k: { owner: "1000", group: "100" }, n: { owner: "postgres", group: "0" } } })).toEqual([]);
  });

  it("sops-nix takes names only: sops-install-secrets looks them up by name (user.Lookup, user.LookupGroup)", () => {
    expect(paths({ secrets: { k: { owner: "postgres", group: "users" } } })).toEqual([]);
    expect(paths({ secrets: { k: { owner: "1000", group: "100" } } })).toEqual(["secrets.k.owner", "secrets.k.group"]);
  });

  it("neither takes what is neither a name nor an id", () => {
    expect(["Alice", "-x", "1000x", "4294967295", "a:b", "a b", "x".repeat(32)].filter((owner) => secretSchema.safeParse({ owner }).success)).toEqual([]);
    expect(["Wheel", "g".repeat(32), "4294967295"].filter((group) => secretSchema.safeParse({ group }).success)).toEqual([]);
  });
});

describe("a secret's name", () => {
  const paths = (input: object) => secretsSchema.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("is a file under the secrets folder for both backends: parts of 1-255 bytes, not . or .., on one line", () => {
    const takes = (name: string) => secretName.safeParse(name).success;
    expect(["_under", "ünï", "sp ace", "database/password", ".hidden", "a.b-c+d", "é".repeat(127)].filter((name) => !takes(name))).toEqual([]);
    expect(["", "/a", "a/", "a//b", ".", "a/./b", "../a", "a/..", "a\nb", "a\u2028b", "a\u0085b", "x".repeat(256), "é".repeat(128)].filter(takes)).toEqual([]);
  });

  it("sops-nix: any such name, but no secret under the key sops keeps its metadata in, in a YAML or JSON file", () => {
    expect(paths({ secrets: { _under: {}, "ünï": {}, 'a$b"c\\d': {}, "sops-ok": {}, sops: { file: "secrets/blob.bin" } } })).toEqual([]);
    expect(paths({ secrets: { sops: {}, "sops/key": { file: "secrets/app.json" } } })).toEqual(["secrets.sops", "secrets.sops/key"]);
  });

  it("sops-nix: no part ending in _unencrypted, whose value sops would store in clear text, unless the file is binary", () => {
    const expected = (input: object) => secretsSchema.safeParse(input).error?.issues.map((issue) => (issue as { params?: { expected?: string } }).params?.expected) ?? [];
    expect(paths({ secrets: { db_unencrypted: {}, "app_unencrypted/key": { file: "secrets/app.env" }, "x/pw_unencrypted": { file: "secrets/a.json" } } })).toEqual([
      "secrets.db_unencrypted",
      "secrets.app_unencrypted/key",
      "secrets.x/pw_unencrypted",
    ]);
    expect(paths({ secrets: { db_unencrypted: { file: "secrets/db.bin" }, "unencrypted-db": {} } })).toEqual([]);
    expect(paths({ backend: "agenix", secrets: { db_unencrypted: {} } })).toEqual([]);
    expect(expected({ secrets: { db_unencrypted: {} } })[0]).toContain("stored in clear text");
  });

  it("agenix: nothing the shell expands between double quotes; without a file, a name that makes a Nix path", () => {
    expect(paths({ backend: "agenix", secrets: { _under: {}, "d/x.y": {}, "ünï": { file: "secrets/uni.age" }, "sp ace": { file: "secrets/space.age" } } })).toEqual([]);
    expect(paths({ backend: "agenix", secrets: { "ünï": {}, "sp ace": {} } })).toEqual(["secrets.ünï", "secrets.sp ace"]);
    expect(paths({ backend: "agenix", secrets: { "a$b": { file: "secrets/a.age" }, 'q"': { file: "secrets/q.age" }, "`x`": { file: "secrets/x.age" } } })).toEqual([
      "secrets.a$b",
      'secrets.q"',
      "secrets.`x`",
    ]);
  });

  it("is taken in a host's secrets list as in the fleet's secrets", () => {
    expect(hostSchema.safeParse({ address: "10.0.0.1", secrets: ["_under", "ünï"] }).success).toBe(true);
  });
});

describe("newly accepted values in the generated host file, read by nix", () => {
  const hostSecrets = (secrets: FleetInput["secrets"], names: string[], attribute: "age" | "sops") => {
    const fleet = buildFleet({ config: { secrets }, hosts: { a: { address: "10.0.0.1", secrets: names } } });
    const lowering = lowered(fleet);
    const generated = hostFile(lowering.hosts.get("a")!, fleetScope(lowering.index));
    expect(generated.diagnostics).toEqual([]);
    const paths = "s: if s ? file then s // { file = toString s.file; } else if s ? sopsFile then s // { sopsFile = toString s.sopsFile; } else s";
    return JSON.parse(
      nixInstantiate(["--eval", "--strict", "--json", "--expr", `builtins.mapAttrs (_: ${paths}) ((${printNixExpr(generated.expr)}) { config = { }; pkgs = { }; }).${attribute}.secrets`]),
    ) as Record<string, Record<string, unknown>>;
  };

  it("agenix: names, symbolic modes and numeric ids reach age.secrets as written", () => {
    const secrets = hostSecrets(
      { backend: "agenix", secrets: { _under: {}, "ünï": { file: "secrets/uni.age" }, sym: { mode: "u=r,g=r" }, num: { owner: "1000", group: "100" } } },
      ["_under", "ünï", "sym", "num"],
      "age",
    );
    expect(Object.keys(secrets).sort()).toEqual(["_under", "num", "sym", "ünï"]);
    expect(secrets["_under"]?.["file"]).toMatch(/\/secrets\/_under\.age$/);
    expect(secrets["ünï"]?.["file"]).toMatch(/\/secrets\/uni\.age$/);
    expect(secrets["sym"]?.["mode"]).toBe("u=r,g=r");
    expect([secrets["num"]?.["owner"], secrets["num"]?.["group"]]).toEqual(["1000", "100"]);
  });

  it("sops-nix: names with quotes, dollars and backslashes are attribute names nix reads back unchanged", () => {
    const names = ["_under", "ünï", 'a${b}"c\\d', "sp ace"];
    const secrets = hostSecrets({ secrets: Object.fromEntries(names.map((name) => [name, {}])) }, names, "sops");
    expect(Object.keys(secrets).sort()).toEqual([...names].sort());
  });
});

describe("the age key file", () => {
  const STORE_KEY = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-keys/key.txt";
  const issues = (input: object) => secretsSchema.safeParse(input).error?.issues.map((issue) => issue.path.join(".")) ?? [];

  it("is refused inside a Nix store path for sops, whose sops.age.keyFile is a path not in the store", () => {
    expect(issues({ ageKeyFile: STORE_KEY })).toEqual(["ageKeyFile"]);
    expect(issues({ ageKeyFile: "/nix//store/0123456789abcdfghijklmnpqrsvwxyz-keys" })).toEqual(["ageKeyFile"]);
  });

  it("is taken elsewhere, under /nix/store but outside any store path, and with agenix (identityPaths are plain paths)", () => {
    expect(issues({ ageKeyFile: "/var/lib/sops-nix/key.txt" })).toEqual([]);
    expect(issues({ ageKeyFile: "/nix/store/key.txt" })).toEqual([]);
    expect(issues({ backend: "agenix", ageKeyFile: STORE_KEY })).toEqual([]);
  });
});

describe("agenix lowering", () => {
  it("writes the identity and one .age file per secret; warns that restartUnits does nothing", () => {
    const fleet = fleetWithSecrets({
      backend: "agenix",
      ageKeyFile: "/var/lib/agenix/key.txt",
      secrets: { "wireguard-key": { owner: "systemd-network", mode: "0400", restartUnits: ["x.service"] }, "db/password": { file: "secrets/db.age" } },
    });
    const { definitions, diagnostics } = lowerSecrets(fleet, ["db/password", "wireguard-key"], hostContext(fleet, "gateway"));
    expect(definitions).toEqual([
      { path: ["age", "identityPaths"], value: ["/var/lib/agenix/key.txt"], origin: { file: "typeflake.config.ts", objectPath: ["secrets", "ageKeyFile"] } },
      { path: ["age", "secrets", "db/password"], value: { file: nixPath("../../secrets/db.age") }, origin: { file: "typeflake.config.ts", objectPath: ["secrets", "secrets", "db/password"] } },
      {
        path: ["age", "secrets", "wireguard-key"],
        value: { file: nixPath("../../secrets/wireguard-key.age"), owner: "systemd-network", mode: "0400" },
        origin: { file: "typeflake.config.ts", objectPath: ["secrets", "secrets", "wireguard-key"] },
      },
    ]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.origin.objectPath.join(".")])).toEqual([["warning", "unsupported-restart-units", "secrets.secrets.wireguard-key.restartUnits"]]);
  });

  it("leaves agenix's identity to the SSH host keys when no key file is set", () => {
    const fleet = fleetWithSecrets({ backend: "agenix", secrets: { "wireguard-key": {} } });
    const { definitions } = lowerSecrets(fleet, ["wireguard-key"], hostContext(fleet, "gateway"));
    expect(definitions.map((definition) => definition.path.join("."))).toEqual(["age.secrets.wireguard-key"]);
  });
});

describe(".sops.yaml", () => {
  it("lists admin and host keys, and gives each file's rule the hosts that use its secrets", () => {
    const fleet = fleetWithSecrets({
      admins: [AGE.admin, AGE.admin2],
      hostKeys: { gateway: AGE.gateway, nas: AGE.nas, compute: AGE.compute },
      secrets: { "wireguard-key": { file: "secrets/gateway.yaml" }, shared: {}, "nas-only": {}, unused: {} },
    });
    expect(secretUsage(indexFleet(fleet))).toEqual(
      new Map([
        ["nas-only", ["nas"]],
        ["shared", ["gateway", "nas"]],
        ["wireguard-key", ["gateway"]],
      ]),
    );
    expect(renderSopsYaml(fleet, secretUsage(indexFleet(fleet)))).toBe(`# Generated by typeflake from typeflake.config.ts.
# Do not edit: edit the TypeScript and run \`npm run generate\`.
#
# Which age keys may decrypt which encrypted file. sops encrypts whole files: every host listed
# under a file can decrypt every secret in it, so a file lists exactly the hosts that use at
# least one of its secrets. To keep a secret from the other hosts of its file, give it its own
# \`file\` in typeflake.config.ts (e.g. "secrets/gateway.yaml").
keys:
  - &admin_1 ${AGE.admin}
  - &admin_2 ${AGE.admin2}
  - &host_compute ${AGE.compute}
  - &host_gateway ${AGE.gateway}
  - &host_nas ${AGE.nas}
creation_rules:
  # secrets/gateway.yaml
  #   wireguard-key: gateway
  - path_regex: '^secrets/gateway\\.yaml$'
    key_groups:
      - age:
          - *admin_1
          - *admin_2
          - *host_gateway
  # secrets/secrets.yaml
  #   nas-only: nas
  #   shared: gateway, nas
  #   unused: used by no host
  - path_regex: '^secrets/secrets\\.yaml$'
    key_groups:
      - age:
          - *admin_1
          - *admin_2
          - *host_gateway
          - *host_nas
`);
  });
});

/**
 * What sops does with a `.sops.yaml` when it encrypts `file` (a path relative to the config's
 * folder): the first creation rule whose path_regex matches decides the recipients. The
 * generated file's shape (anchors, rules, age lists) is read with plain regexes; Go's RE2 and
 * JavaScript agree on the escaped, anchored patterns typeflake writes.
 */
const sopsRecipients = (sopsYaml: string, file: string): string[] | undefined => {
  const keys = new Map([...sopsYaml.matchAll(/^ {2}- &(\S+) (\S+)$/gm)].map(([, anchor, key]) => [anchor as string, key as string]));
  const rules = sopsYaml.split(/^ {2}- path_regex: /m).slice(1).map((rule) => ({
    regex: new RegExp(/^'(.*)'$/m.exec(rule)?.[1] ?? "(?!)"),
    recipients: [...rule.matchAll(/^ {10}- \*(\S+)$/gm)].map(([, anchor]) => keys.get(anchor as string) as string),
  }));
  return rules.find((rule) => rule.regex.test(file))?.recipients;
};

describe(".sops.yaml first-match rules", () => {
  it("gives every encrypted file exactly its own recipients, whatever the paths' overlap", () => {
    const fleet = buildFleet({
      config: {
        secrets: {
          defaultFile: "secrets.yaml",
          admins: [AGE.admin],
          hostKeys: { gateway: AGE.gateway, nas: AGE.nas, compute: AGE.compute },
          secrets: {
            shared: {},
            vault: { file: "vault/secrets.yaml" },
            deep: { file: "a/vault/secrets.yaml" },
            dotted: { file: "secretsXyaml" },
          },
        },
      },
      hosts: {
        gateway: { address: "10.0.20.1", secrets: ["shared"] },
        nas: { address: "10.0.20.10", secrets: ["vault"] },
        compute: { address: "10.0.20.11", secrets: ["deep", "dotted"] },
      },
    });
    const yaml = renderSopsYaml(fleet, secretUsage(indexFleet(fleet)));
    expect(sopsRecipients(yaml, "secrets.yaml")).toEqual([AGE.admin, AGE.gateway]);
    expect(sopsRecipients(yaml, "vault/secrets.yaml")).toEqual([AGE.admin, AGE.nas]);
    expect(sopsRecipients(yaml, "a/vault/secrets.yaml")).toEqual([AGE.admin, AGE.compute]);
    expect(sopsRecipients(yaml, "secretsXyaml")).toEqual([AGE.admin, AGE.compute]);
    // A file no rule was written for gets none: sops refuses it instead of guessing recipients.
    expect(sopsRecipients(yaml, "other/secrets.yaml")).toBeUndefined();
    expect(sopsRecipients(yaml, "secrets.yaml.bak")).toBeUndefined();
    // Deeper paths come first, so a hand-added catch-all rule at the end could not shadow them.
    expect([...yaml.matchAll(/path_regex: '(.*)'/g)].map(([, regex]) => regex)).toEqual([
      "^a/vault/secrets\\.yaml$",
      "^vault/secrets\\.yaml$",
      "^secrets\\.yaml$",
      "^secretsXyaml$",
    ]);
  });
});

describe("agenix rules file", () => {
  it("encrypts each .age file to the admins and the hosts using it; nix reads it as agenix does", () => {
    const fleet = fleetWithSecrets({
      backend: "agenix",
      admins: [AGE.admin],
      hostKeys: { gateway: AGE.gateway, nas: AGE.nas },
      secrets: { "wireguard-key": {}, shared: { file: "vault/shared.age" }, "nas-only": {} },
    });
    const rules = agenixRulesFile(fleet, secretUsage(indexFleet(fleet)))!;
    expect(rules.path).toBe("secrets/secrets.nix");
    expect(JSON.parse(nixInstantiate(["--eval", "--strict", "--json", "--expr", printNixExpr(rules.expr)]))).toEqual({
      "nas-only.age": { publicKeys: [AGE.admin, AGE.nas] },
      "wireguard-key.age": { publicKeys: [AGE.admin, AGE.gateway] },
      "../vault/shared.age": { publicKeys: [AGE.admin, AGE.gateway, AGE.nas] },
    });
  });

  it("is not generated for sops fleets", () => {
    expect(agenixRulesFile(homelab(), new Map())).toBeUndefined();
  });
});
