import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addressOf,
  formatAddress,
  hostRoute,
  isHostRoute,
  networkContains,
  networkOf,
  parseAddress,
  sameAddress,
} from "../../dsl/address.ts";

/** WHATWG URL parsing writes IPv6 hosts in RFC 5952 form: an independent canonical form. */
const canonicalIpv6 = (address: string): string => new URL(`http://[${address}]/`).hostname.slice(1, -1);

describe("address arithmetic", () => {
  it("writes any IPv6 address in its RFC 5952 form", () => {
    fc.assert(
      fc.property(fc.ipV6(), (address) => {
        const parsed = parseAddress(address);
        expect(parsed?.family).toBe(6);
        expect(formatAddress(parsed!)).toBe(canonicalIpv6(address));
      }),
      { numRuns: 300, seed: 5 },
    );
  });

  it("reads IPv4 addresses and refuses what is not an address", () => {
    fc.assert(
      fc.property(fc.ipV4(), (address) => {
        expect(formatAddress(parseAddress(address)!)).toBe(address);
      }),
      { numRuns: 100, seed: 5 },
    );
    for (const text of ["10.0.20", "10.0.20.256", "fd00:::1", "1:2:3:4:5:6:7:8:9", "::g", "nas.lab.local", ""]) expect(parseAddress(text)).toBeUndefined();
  });

  it("derives networks and host routes", () => {
    expect(networkOf("10.100.0.1/24")).toBe("10.100.0.0/24");
    expect(networkOf("fd10::3/64")).toBe("fd10::/64");
    expect(networkOf("10.1.2.3/0")).toBe("0.0.0.0/0");
    expect(hostRoute("10.100.0.2/24")).toBe("10.100.0.2/32");
    expect(hostRoute("fd10:0:0::3/64")).toBe("fd10::3/128");
    expect(addressOf("::ffff:10.0.0.1/96")).toBe("::ffff:a00:1");
    expect([isHostRoute("10.0.0.1/32"), isHostRoute("fd00::1/128"), isHostRoute("10.0.0.0/31")]).toEqual([true, true, false]);
  });

  it("tells whether a network contains an address, within one family", () => {
    expect(networkContains("10.0.20.0/24", "10.0.20.11")).toBe(true);
    expect(networkContains("10.0.20.0/24", "10.0.21.11")).toBe(false);
    expect(networkContains("10.0.20.7/24", "10.0.20.200")).toBe(true);
    expect(networkContains("0.0.0.0/0", "192.0.2.1")).toBe(true);
    expect(networkContains("fd00::/8", "fd12::1")).toBe(true);
    expect(networkContains("fd00::/8", "10.0.0.1")).toBe(false);
    expect(sameAddress("fd00:0::1", "fd00::1")).toBe(true);
    expect(sameAddress("10.0.0.1", "::ffff:10.0.0.1")).toBe(false);
  });
});
