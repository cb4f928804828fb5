/**
 * Words of schema validation's diagnostics (`codes/schema.ts`): every message says what would be
 * valid and what was given.
 */
import type { Expectation, Mismatch, NameFromFile, SchemaFields } from "../codes/schema.ts";
import { formatObjectPath } from "../diagnostic.ts";
import { joinAlternatives, suggestThen } from "./words.ts";
import { refusal } from "./assertions.ts";
import type { Renderers } from "./renderer.ts";

/** zod's type names as a sentence says them. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  bigint: "a bigint",
  null: "null",
  undefined: "undefined",
  array: "an array",
  tuple: "an array",
  object: "an object",
  record: "an object",
  function: "a function",
  date: "a Date",
};

const typeName = (type: string): string => TYPE_NAMES[type] ?? type;

const boundText = (expectation: Extract<Expectation, { kind: "bound" }>): string => {
  const { of, side, limit, inclusive } = expectation;
  const word = side === "min" ? (inclusive ? "at least" : "more than") : inclusive ? "at most" : "less than";
  if (of === "string") return `${word} ${limit} characters long`;
  if (of === "array" || of === "set") return `${word} ${limit} items`;
  return `${word} ${limit}`;
};

/** "Must not be empty" and "must list at least one item" need no value shown. */
const emptiness = (expectation: Expectation): string | undefined => {
  if (expectation.kind !== "bound" || expectation.side !== "min" || Number(expectation.limit) !== 1 || !expectation.inclusive) return undefined;
  if (expectation.of === "string") return "must not be empty";
  if (expectation.of === "array") return "must list at least one item";
  return undefined;
};

/** What a value must be, as the noun phrase after "must be" (for lists of alternatives). */
const wanted = (expectation: Expectation): string => {
  switch (expectation.kind) {
    case "type":
      return typeName(expectation.type);
    case "values":
      return expectation.values.length === 1 ? (expectation.values[0] ?? "") : `one of ${expectation.values.join(", ")}`;
    case "bound":
      return emptiness(expectation) ?? boundText(expectation);
    case "format":
      return expectation.pattern ? `a string matching ${expectation.pattern}` : `a valid ${expectation.format}`;
    case "multiple-of":
      return `a multiple of ${expectation.divisor}`;
    case "form":
      return expectation.expected;
    case "refined":
      return "valid";
    case "schema-message":
      return expectation.message;
    default:
      return expectation satisfies never;
  }
};

/** The sentence for one expectation; `got` is left out where it adds nothing. */
const sentence = (expectation: Expectation, got: string | undefined): string => {
  const shown = (separator: string) => (got === undefined ? "" : `${separator} got ${got}`);
  switch (expectation.kind) {
    case "values":
      return expectation.values.length === 1
        ? `must be ${expectation.values[0]}${shown(",")}`
        : `must be one of ${expectation.values.join(", ")}${shown(";")}`;
    case "bound":
      return emptiness(expectation) ?? `must be ${boundText(expectation)}${shown(",")}`;
    case "format":
      return expectation.pattern ? `must match ${expectation.pattern}${shown(",")}` : `must be a valid ${expectation.format}${shown(",")}`;
    case "form":
      // A form that ends in a list of choices, or is followed by a detail, reads better cut off by ";".
      return expectation.detail === undefined
        ? `must be ${expectation.expected}${shown(/\bone of\b/.test(expectation.expected) ? ";" : ",")}`
        : `must be ${expectation.expected}${shown(";")}: ${expectation.detail}`;
    case "refined":
      return `is not valid${shown(",")}`;
    case "schema-message":
      return expectation.message;
    default:
      return `must be ${wanted(expectation)}${shown(",")}`;
  }
};

/** "must be X, got Y"; alternatives as "must be X, Y or Z; got W". */
const expectationText = (expected: readonly Expectation[], got: string | undefined): string => {
  const [only] = expected;
  if (expected.length === 1 && only) return sentence(only, got);
  return `must be ${joinAlternatives(expected.map(wanted))}${got === undefined ? "" : `; got ${got}`}`;
};

const mismatch = ({ expected, got, key }: Mismatch): string =>
  // A key is named already; its own messages need not repeat it as "got …".
  key === undefined ? expectationText(expected, got) : `invalid key ${JSON.stringify(key)}: ${expectationText(expected, undefined)}`;

const HOME_NAME_FORM = 'a home is named after its user ("alice") or its user and one host ("alice@nas")';

const nameFromFile = ({ name, of, file, part, problem }: NameFromFile): string => {
  const wrong = problem.kind === "many-ats" ? `it has more than one '@': ${HOME_NAME_FORM}` : expectationText(problem.expected, problem.got);
  if (of === "home") return `the home name ${JSON.stringify(name)} is taken from ${file}; ${part ? `the ${part} part ` : ""}${wrong}; rename the file`;
  const where = of === "host" ? `its folder ${file}` : `its file name ${file}`;
  return `the ${of} name ${JSON.stringify(name)} is taken from ${where} and ${wrong}; rename the ${of === "host" ? "folder" : "file"}`;
};

/** `address, deploy, "server min protocol"`: keys as they would be written in an object literal. */
const keyList = (keys: readonly string[]): string => keys.map((key) => formatObjectPath([key])).join(", ");

/** One renderer per schema code. */
export const schemaMessages: Renderers<SchemaFields> = {
  "invalid-type": mismatch,
  "out-of-range": mismatch,
  "invalid-format": mismatch,
  "invalid-value": (data) =>
    "foreign" in data
      ? `holds ${data.foreign} inside a typeflake expression (nix\`…\`, nixString\`…\`, mkIf, mkForce, mkMerge, …), which Nix cannot hold; ` +
        'use a string, number, boolean, null, array, plain object or a typeflake expression such as pkg("htop")'
      : mismatch(data),
  "invalid-host-name": mismatch,
  "invalid-dns-name": mismatch,
  "invalid-ip-address": mismatch,
  "invalid-address": mismatch,
  "invalid-cidr": mismatch,
  "invalid-port": mismatch,
  "invalid-path": mismatch,
  "multi-line-value": mismatch,
  "invalid-passwd-entry": mismatch,
  "invalid-flake-url": mismatch,
  "invalid-user-name": mismatch,
  "invalid-group-name": mismatch,
  "invalid-wireguard-key": mismatch,
  "invalid-age-key": mismatch,
  "invalid-host-id": (data) => ("nixos" in data ? refusal(data) : mismatch(data)),
  "invalid-name": (data) => ("problem" in data ? nameFromFile(data) : mismatch(data)),
  "invalid-ssh-key": mismatch,
  "invalid-host-key": mismatch,
  "invalid-nfs-option": mismatch,
  "invalid-expression": mismatch,
  "invalid-proxy-target": (data) =>
    "expected" in data
      ? mismatch(data)
      : `nginx proxies to http or https only: write host("…").port(${data.port}) or host("…").port(${data.port}, "https"), not the scheme ${JSON.stringify(data.scheme)}`,
  "private-key": ({ key }) =>
    key === "wireguard-key"
      ? "looks like an inline WireGuard private key; keys are never written in clear. Add it to the " +
        'fleet\'s encrypted secrets and write secret("wireguard-key") here instead'
      : 'looks like a private key; keys are never written in clear. Declare it in the fleet\'s secrets and use secret("name") or secret("name").path instead',
  "invalid-secret-ref": ({ accepts }) =>
    accepts === "key-file"
      ? 'must be a secret reference such as secret("wireguard-key") (or secret("wireguard-key").path); ' +
        "key files come from the fleet's secrets and are never written inline"
      : 'must be a secret reference such as secret("wireguard-key"); private keys are never written inline',
  "invalid-host-ref": ({ role }) => `must be ${role} as host("name"), without a port`,
  "duplicate-parameter": ({ key, field }) => `${JSON.stringify(key)} has a typed field: set \`${field}\` instead`,
  "conflicting-options": ({ first, second }) => `${JSON.stringify(first)} and ${JSON.stringify(second)} contradict each other; keep one`,
  "duplicate-export": ({ path }) => `${JSON.stringify(path)} is already exported; list all its clients in one entry`,
  "join-and-mesh": () => "an interface either joins a hub or belongs to a mesh, not both; use a second interface for the other",
  "invalid-tls": (data) => {
    switch (data.problem) {
      case "acme-exclusive":
        return "enableACME and useACMEHost exclude each other: get a certificate for this name, or use another name's";
      case "needs-certificate":
        return `${data.mode} needs a certificate: set enableACME: true, useACMEHost or sslCertificate with sslCertificateKey`;
      case "certificate-pair":
        return "sslCertificate and sslCertificateKey go together: set both";
      default:
        return data satisfies never;
    }
  },
  "missing-key": ({ key, expected }) => `missing required key ${JSON.stringify(key)}: ${expectationText(expected, undefined)}`,
  "unknown-key": ({ key, suggestion, valid }) =>
    `unknown key ${JSON.stringify(key)}${valid.length === 0 ? "; this object takes no keys" : suggestThen(suggestion, `Valid keys: ${keyList(valid)}`)}`,
  "invalid-key": (data) =>
    "reserved" in data
      ? `the name ${JSON.stringify(data.reserved)} cannot be used here: JavaScript reserves it for an object's prototype, so it would be lost; choose another name`
      : mismatch(data),
};
