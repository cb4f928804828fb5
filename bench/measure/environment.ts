/**
 * The environment measured commands run in: this shell's, less the variables that make every
 * Node process pay at start-up for something typeflake never uses, so that the figures measure
 * typeflake and Node, not the machine's set-up.
 *
 * `NODE_EXTRA_CA_CERTS` names a CA bundle that Node reads and parses as it starts, before any
 * script runs. A machine whose bundle is the system's (about 140 certificates) spends about 50 ms
 * of CPU on it in every `node` and `npm` process: `node -e 0` executed 504 M instructions with it
 * and 102 M without (callgrind). typeflake opens no TLS connection (nix, which does, reads its own
 * `NIX_SSL_CERT_FILE`), and the floors were measured without it. The floors report also
 * measures `node -e 0` with these variables, so their cost on this machine is in every report.
 */

/** Variables Node reads at start-up whose cost is the machine's, not typeflake's. */
const STARTUP_COST_VARIABLES = ["NODE_EXTRA_CA_CERTS"] as const;

/** This shell's environment without the start-up cost variables. */
export const measuredEnvironment = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !(STARTUP_COST_VARIABLES as readonly string[]).includes(name)));

/** The start-up cost variables this shell sets, with their values (empty when it sets none). */
export const startupCostVariables = (): Record<string, string> =>
  Object.fromEntries(STARTUP_COST_VARIABLES.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
