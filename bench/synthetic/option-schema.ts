/**
 * A synthetic NixOS option schema of nixpkgs' size, in the NixOS manual's options.json shape, as
 * `typeflake options sync` or `import` reads it: `services` of many modules, each with the option
 * kinds real modules declare (an enable flag, a package, ports, users, paths, lists, enums, an
 * attribute set of submodules, a freeform `settings`), described, with defaults and examples, and
 * a few renamed or removed options. Deterministic: the same count gives the same schema.
 */

/** One options.json entry. */
type OptionEntry = Record<string, unknown>;

/** The options a synthetic service declares, by name below `services.<service>`. */
const SERVICE_OPTIONS = (service: string): Record<string, OptionEntry> => ({
  enable: {
    type: "boolean",
    description: `Whether to enable ${service}, a synthetic service.`,
    default: { _type: "literalExpression", text: "false" },
    example: { _type: "literalExpression", text: "true" },
  },
  package: {
    type: "package",
    description: `The ${service} package to use.`,
    default: { _type: "literalExpression", text: `pkgs.${service}` },
  },
  port: { type: "16 bit unsigned integer; between 0 and 65535 (both inclusive)", description: "Port to listen on.", default: 8080 },
  openFirewall: { type: "boolean", description: "Open the port in the firewall.", default: false },
  user: { type: "string", description: `User account under which ${service} runs.`, default: service },
  group: { type: "string", description: `Group under which ${service} runs.`, default: service },
  dataDir: { type: "absolute path", description: "Where the service keeps its state.", default: `/var/lib/${service}` },
  extraArgs: { type: "list of string", description: "Extra command line arguments.", default: [], example: ["--verbose"] },
  logLevel: { type: 'one of "debug", "info", "warn", "error"', description: "How much to log.", default: "info" },
  environmentFile: { type: "null or absolute path", description: "File with secret environment variables.", default: null },
  settings: {
    type: "open submodule of attribute set of (atom (null, bool, int, float or string))",
    description: `Configuration of ${service}, see {manpage}\`${service}.conf(5)\`.`,
    default: {},
  },
  "settings.listen_address": { type: "string", description: "Address to bind.", default: "127.0.0.1" },
  "settings.workers": { type: "null or positive integer, meaning >0", description: "Worker processes.", default: null },
  instances: { type: "attribute set of (submodule)", description: "Named instances.", default: {} },
  "instances.<name>.enable": { type: "boolean", description: "Whether this instance runs.", default: true },
  "instances.<name>.port": { type: "16 bit unsigned integer; between 0 and 65535 (both inclusive)", description: "Instance port." },
  "instances.<name>.extraConfig": { type: "strings concatenated with \"\\n\"", description: "Extra lines.", default: "" },
});

/** Options per synthetic service. */
export const OPTIONS_PER_SERVICE = Object.keys(SERVICE_OPTIONS("x")).length;

/** The options.json and aliases of a schema with at least `optionCount` options. */
export function syntheticOptionSchema(optionCount: number): { options: Record<string, OptionEntry>; aliases: unknown[] } {
  const services = Math.ceil(optionCount / OPTIONS_PER_SERVICE);
  const options: Record<string, OptionEntry> = {};
  const aliases: unknown[] = [];
  for (let index = 0; index < services; index++) {
    const service = `service${String(index).padStart(5, "0")}`;
    for (const [name, entry] of Object.entries(SERVICE_OPTIONS(service))) {
      const key = `services.${service}.${name}`;
      options[key] = { ...entry, loc: key.split("."), readOnly: false, declarations: [`nixos/modules/services/${service}.nix`] };
    }
    if (index % 20 === 0) {
      aliases.push({ from: ["services", service, "listenPort"], to: ["services", service, "port"], kind: "renamed" });
      aliases.push({ from: ["services", service, "extraConfig"], to: null, kind: "removed", message: "Use settings instead." });
    }
  }
  return { options, aliases };
}
