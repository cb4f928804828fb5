/**
 * deploy-rs's `deploy.nodes` tree: one node per deployable host, with the settings deploy-rs
 * reads (see deploy-rs's JSON schema) and its `system` profile activated with
 * `deploy-rs.lib.<system>.activate.nixos`.
 */
import type { NixBinding, NixExpr } from "../nix/ast.ts";
import { apply, assign, attrs, bool, id, int, list, select, str } from "../nix/build.ts";
import { deploySettings } from "../model/deploy-settings.ts";
import type { Fleet, HostEntry } from "../model/fleet.ts";
import { hostSystem, usesFleetSystem } from "../model/host-system.ts";

/** The `deploy-rs.lib.<system>` selector, `${system}` when the host uses the fleet's system. */
const systemAttr = (fleet: Fleet, host: HostEntry): string | NixExpr =>
  usesFleetSystem(fleet, host) ? id("system") : hostSystem(fleet, host);

const nodeBinding = (fleet: Fleet, host: HostEntry): NixBinding => {
  const settings = deploySettings(fleet, host);
  const activate = apply(
    select("deploy-rs", "lib", systemAttr(fleet, host), "activate", "nixos"),
    select("self", "nixosConfigurations", host.name),
  );
  return assign(
    host.name,
    attrs([
      assign("hostname", str(settings.targetHost)),
      assign("sshUser", str(settings.sshUser)),
      assign("user", str(settings.user)),
      assign("magicRollback", bool(settings.magicRollback)),
      assign("autoRollback", bool(settings.autoRollback)),
      assign("confirmTimeout", int(settings.confirmTimeout)),
      ...(settings.activationTimeout === undefined ? [] : [assign("activationTimeout", int(settings.activationTimeout))]),
      ...(settings.remoteBuild ? [assign("remoteBuild", bool(true))] : []),
      ...(settings.fastConnection === undefined ? [] : [assign("fastConnection", bool(settings.fastConnection))]),
      ...(settings.sshOpts.length ? [assign("sshOpts", list(settings.sshOpts.map((opt) => str(opt))))] : []),
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
