/**
 * IP addresses, the one place they are parsed: IPv4 and IPv6, CIDRs, `host:port` endpoints and
 * the brackets IPv6 takes before `:port`. The schemas (`checks.ts`) accept what this parses, and
 * lowering and the cross-host checks compute with it: the network a CIDR lies in, the host route
 * of an address, whether a network contains an address. Addresses are compared as numbers, so
 * `fd00::1` and `fd00:0::1` are the same address.
 */

/** An address as a number, with its family. */
export interface Address {
  readonly family: 4 | 6;
  readonly value: bigint;
}

const BITS = { 4: 32, 6: 128 } as const;

/** Dotted-quad parts: 0-255 without leading zeros (`010` could be read as octal, so it is refused). */
const IPV4_PART = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

const parseIpv4 = (text: string): bigint | undefined => {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((part) => !IPV4_PART.test(part))) return undefined;
  return parts.reduce((value, part) => (value << 8n) | BigInt(part), 0n);
};

const parseIpv6 = (text: string): bigint | undefined => {
  // An embedded IPv4 tail (::ffff:10.0.0.1) is two groups.
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  const v4 = tail ? parseIpv4(tail[2] ?? "") : undefined;
  const head = tail ? `${tail[1]}${((v4 ?? 0n) >> 16n).toString(16)}:${((v4 ?? 0n) & 0xffffn).toString(16)}` : text;
  if (tail && v4 === undefined) return undefined;
  const halves = head.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(":") : []);
  const [left, right] = [groups(halves[0]), groups(halves[1])];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right];
  if (all.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  return all.reduce((value, group) => (value << 16n) | BigInt(`0x${group}`), 0n);
};

/** Whether `text` is an IPv4 address in dotted-quad form, e.g. `10.0.20.10`. */
export const isIpv4 = (text: string): boolean => parseIpv4(text) !== undefined;

/** Parse an IPv4 or IPv6 address, or undefined when `text` is neither. */
export const parseAddress = (text: string): Address | undefined => {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = text.includes(":") ? parseIpv6(text) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
};

const formatIpv6 = (value: bigint): string => {
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(16 * (7 - index))) & 0xffffn));
  // RFC 5952: compress the longest run (first when tied) of two or more zero groups.
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
};

/** Write an address in its canonical form (`10.0.20.1`, `fd00::1`). */
export const formatAddress = ({ family, value }: Address): string =>
  family === 4
    ? [24n, 16n, 8n, 0n].map((shift) => ((value >> shift) & 0xffn).toString()).join(".")
    : formatIpv6(value);

const mask = (family: 4 | 6, prefix: number): bigint => {
  const bits = BigInt(BITS[family]);
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
};

/** A parsed CIDR: its address (as written), the prefix length and the family. */
export interface Cidr {
  readonly address: Address;
  readonly prefix: number;
}

/** Parse `address/prefix` (prefix 0-32 for IPv4, 0-128 for IPv6), or undefined when `text` is not a CIDR. */
export const parseNetwork = (text: string): Cidr | undefined => {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  const address = match ? parseAddress(match[1] ?? "") : undefined;
  const prefix = Number(match?.[2]);
  return address && prefix <= BITS[address.family] ? { address, prefix } : undefined;
};

/** The network a CIDR lies in: `10.100.0.1/24` → `10.100.0.0/24`. */
export const networkOf = (text: string): string => {
  const cidr = parseNetwork(text);
  if (!cidr) return text;
  const { family, value } = cidr.address;
  return `${formatAddress({ family, value: value & mask(family, cidr.prefix) })}/${cidr.prefix}`;
};

/** The host route of a CIDR's address: `10.100.0.2/24` → `10.100.0.2/32`, `fd00::2/64` → `fd00::2/128`. */
export const hostRoute = (text: string): string => {
  const cidr = parseNetwork(text);
  return cidr ? `${formatAddress(cidr.address)}/${BITS[cidr.address.family]}` : text;
};

/** The address part of a CIDR, canonical: `10.100.0.2/24` → `10.100.0.2`. */
export const addressOf = (text: string): string => {
  const cidr = parseNetwork(text);
  return cidr ? formatAddress(cidr.address) : text;
};

/** Whether the network `cidr` (e.g. `10.0.20.0/24`) contains the address `address`. */
export const networkContains = (cidr: string, address: string): boolean => {
  const network = parseNetwork(cidr);
  const target = parseAddress(address);
  if (!network || !target || network.address.family !== target.family) return false;
  const bits = mask(target.family, network.prefix);
  return (network.address.value & bits) === (target.value & bits);
};

/** An address as it appears before `:port` or `:/path`: IPv6 in brackets. */
export const bracketed = (address: string): string => (address.includes(":") ? `[${address}]` : address);

/** An address as written inside brackets (`[fd00::1]` → `fd00::1`); other text unchanged. */
export const unbracketed = (text: string): string => text.replace(/^\[(.*)\]$/, "$1");

/**
 * `host:port` or `[ipv6]:port` split in two, or undefined when `text` has neither shape. The
 * host is returned as written (unbracketed), for the caller to judge: an address or a name.
 */
export const splitEndpoint = (text: string): { readonly host: string; readonly bracketed: boolean; readonly port: number } | undefined => {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  if (!match) return undefined;
  const [, inBrackets, plain = "", port] = match;
  return { host: inBrackets ?? plain, bracketed: inBrackets !== undefined, port: Number(port) };
};

/** Whether a CIDR names a single address (`/32` for IPv4, `/128` for IPv6). */
export const isHostRoute = (text: string): boolean => {
  const cidr = parseNetwork(text);
  return cidr !== undefined && cidr.prefix === BITS[cidr.address.family];
};

/** Whether two texts name the same address (`fd00::1` and `fd00:0::1` do). */
export const sameAddress = (a: string, b: string): boolean => {
  const [left, right] = [parseAddress(a), parseAddress(b)];
  return left !== undefined && right !== undefined && left.family === right.family && left.value === right.value;
};
