/**
 * deploy-rs's `deploy.nodes` tree: one node per deployable host, with the settings deploy-rs
 * reads (see deploy-rs's JSON schema) that the user set, and its `system` profile activated with
 * `deploy-rs.lib.<system>.activate.nixos`.
 */
import type { NixBinding, NixExpr } from "../nix/ast.ts";
import { apply, assign, attrs, bool, id, int, list, select, str } from "../nix/build.ts";
import { deployRsSettings, deploySettings } from "../model/deploy-settings.ts";
import type { Fleet, HostEntry } from "../model/fleet.ts";
import { hostSystem, usesFleetSystem } from "../model/host-system.ts";

/** The `deploy-rs.lib.<system>` selector, `${system}` when the host uses the fleet's system. */
const systemAttr = (fleet: Fleet, host: HostEntry): string | NixExpr =>
  usesFleetSystem(fleet, host) ? id("system") : hostSystem(fleet, host);

/**
 * deploy-rs needs a profile user; when neither `user` nor `sshUser` is set it refuses the node,
 * and with only `sshUser` it would activate the system profile as that user. The system profile
 * is root's, so `user` is written as `root` unless set.
 */
const SYSTEM_PROFILE_USER = "root";

const nodeBinding = (fleet: Fleet, host: HostEntry): NixBinding => {
  const settings = deployRsSettings(fleet, host);
  const activate = apply(
    select("deploy-rs", "lib", systemAttr(fleet, host), "activate", "nixos"),
    select("self", "nixosConfigurations", host.name),
  );
  const optional = <T>(name: string, value: T | undefined, build: (value: T) => NixExpr): NixBinding[] =>
    value === undefined ? [] : [assign(name, build(value))];
  return assign(
    host.name,
    attrs([
      assign("hostname", str(deploySettings(fleet, host).targetHost)),
      ...optional("sshUser", settings.sshUser, str),
      assign("user", str(settings.user ?? SYSTEM_PROFILE_USER)),
      ...optional("magicRollback", settings.magicRollback, bool),
      ...optional("autoRollback", settings.autoRollback, bool),
      ...optional("confirmTimeout", settings.confirmTimeout, int),
      ...optional("activationTimeout", settings.activationTimeout, int),
      ...optional("remoteBuild", settings.remoteBuild, bool),
      ...optional("fastConnection", settings.fastConnection, bool),
      ...optional("sshOpts", settings.sshOpts, (opts) => list(opts.map((opt) => str(opt)))),
      assign(["profiles", "system", "path"], activate),
    ]),
  );
};

/** `deploy.nodes = { … };` for the hosts that deploy. */
export const deployNodes = (fleet: Fleet): NixBinding =>
  assign(
    ["deploy", "nodes"],
    attrs(fleet.hosts.filter((host) => host.config.deploy.enable).map((host) => nodeBinding(fleet, host))),
  );
