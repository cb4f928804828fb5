/**
 * The plan's data: what changed, item by item and field by field. One structure, rendered as text
 * (`render-text.ts`) and as JSON (`render-json.ts`).
 */
import type { SectionName } from "./host-view.ts";

/** `+`, `~`, `-`. */
export type ChangeAction = "add" | "change" | "remove";

/** A field inside an item that changed: `shares.media`, `virtualHosts."a.lan".locations."/".proxyPass`. */
export interface FieldChange {
  readonly action: ChangeAction;
  readonly field: string;
  /** The value before, as Nix; absent for an added field. */
  readonly before?: string;
  /** The value after, as Nix; absent for a removed field. */
  readonly after?: string;
}

/** One item of a section that was added, removed or changed. */
export interface ItemChange {
  readonly action: ChangeAction;
  readonly section: SectionName | FleetSectionName;
  readonly item: string;
  readonly before?: string;
  readonly after?: string;
  /** For changed attribute sets: the fields that changed. */
  readonly fields?: readonly FieldChange[];
}

/** Sections that belong to the whole fleet rather than one host. */
export type FleetSectionName = "fleet" | "overlays" | "secretRecipients";

/** Why a change deserves a second look; listed before everything else. */
export type RiskKind = "port-open-everywhere" | "firewall-off" | "new-admin" | "new-ssh-key" | "secret-recipient";

/** A change flagged as a risk. */
export interface Risk {
  readonly kind: RiskKind;
  /** The host it concerns; absent for fleet-wide ones. */
  readonly host?: string;
  readonly message: string;
}

/** What happens to one host. */
export interface HostPlan {
  readonly name: string;
  /** `unchanged`: neither its model nor its generated Nix changes. */
  readonly status: "add" | "change" | "remove" | "unchanged";
  readonly changes: readonly ItemChange[];
  /** The Nix it is built from that changes: generated or hand-kept files, or `flake.nix (<host>)`. */
  readonly changedNix: readonly string[];
  /** True when the host must be deployed for its machine to match the working tree. */
  readonly needsDeploy: boolean;
}

/** The whole plan. */
export interface FleetPlan {
  /** What the working tree is compared with, as given (`HEAD`, `origin/main`) and resolved. */
  readonly base: { readonly ref: string; readonly commit: string };
  readonly risks: readonly Risk[];
  /** Fleet-wide changes: the fleet configuration, who can decrypt each secret. */
  readonly fleet: readonly ItemChange[];
  /** Every host of either revision, by name. */
  readonly hosts: readonly HostPlan[];
  readonly summary: {
    readonly add: number;
    readonly change: number;
    readonly remove: number;
    readonly unchanged: number;
    /** Hosts whose generated Nix differs from the base (or that are new), by name. */
    readonly deploy: readonly string[];
  };
}
