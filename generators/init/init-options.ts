/**
 * What `typeflake init` asks for, checked with the same rules as a fleet's own files, so the
 * scaffold it writes is valid from the start. Problems are returned as messages, one per option.
 */
import { hostName, nixSystem, reachableAddress } from "../../dsl/checks.ts";

/** The choices a new fleet starts with. */
export interface InitOptions {
  /** Name of the first host (its folder under hosts/), e.g. `"server"`. */
  readonly host: string;
  /** Its address, e.g. `"192.168.1.10"`. */
  readonly address: string;
  /** The flake's description, e.g. `"My homelab"`. */
  readonly description: string;
  /** The hosts' default platform, e.g. `"x86_64-linux"`. */
  readonly system: string;
}

/** Defaults for every option the command line leaves out. */
export const DEFAULT_INIT_OPTIONS: InitOptions = {
  host: "server",
  address: "192.168.1.10",
  description: "My NixOS fleet",
  system: "x86_64-linux",
};

/** `--host: must be …` for each invalid option; empty when all are valid. */
export const initOptionProblems = (options: InitOptions): string[] => {
  const checks = [
    ["--host", hostName.safeParse(options.host)],
    ["--address", reachableAddress.safeParse(options.address)],
    ["--system", nixSystem.safeParse(options.system)],
  ] as const;
  return [
    ...checks.flatMap(([flag, result]) => (result.success ? [] : [`${flag}: ${result.error.issues[0]?.message ?? "is invalid"}`])),
    ...(options.description.trim() === "" ? ["--description: must not be empty"] : []),
  ];
};
