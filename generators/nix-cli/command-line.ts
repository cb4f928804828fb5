/**
 * A command typeflake runs, as data: what the builders return, what the runner executes and
 * prints. Printing is shell-quoted so a user can copy the line and run it by hand.
 */

/** One process to start. */
export interface CommandLine {
  /** Executable name, looked up on PATH, e.g. `"nix"`. */
  readonly command: string;
  readonly args: readonly string[];
  /** Variables added to the environment, e.g. `NIX_SSHOPTS` for nixos-rebuild and `nix copy`. */
  readonly env?: Readonly<Record<string, string>>;
  /** Run through `sudo` on this machine (local deploys and rollbacks change the running system). */
  readonly sudo?: boolean;
}

// The characters a POSIX shell (and zsh, where `#` can be a glob operator) leaves alone in a word.
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quote one argument for a POSIX shell: unchanged when safe, else in single quotes. */
export const shellQuote = (word: string): string =>
  SAFE_WORD.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

/** The line as a user would type it: `NAME=value sudo command 'arg' …`. */
export const formatCommandLine = (line: CommandLine): string => {
  const assignments = Object.entries(line.env ?? {}).map(([name, value]) => `${name}=${shellQuote(value)}`);
  const words = [...(line.sudo ? ["sudo"] : []), line.command, ...line.args].map(shellQuote);
  return [...assignments, ...words].join(" ");
};
