/**
 * The safety net behind validation: a value Nix cannot write that reaches the printer anyway (here
 * a fleet built without typeflake's validation) becomes an error at its source file, not a crash.
 */
import { describe, expect, it } from "vitest";
import { buildFleet, planned } from "../services/support/fleet.ts";
import { messageOf } from "../../generators/diagnostics/messages/index.ts";

describe("a value the printer cannot write", () => {
  it("is an error at the file that holds it", () => {
    const fleet = buildFleet({ hosts: { nas: { address: "10.0.20.10", nixos: { networking: { domain: "a\0b" } } } as never } });
    const { diagnostics } = planned(fleet);
    expect(diagnostics.map((d) => [d.code, d.origin.file])).toEqual([["unprintable-value", "hosts/nas/host.ts"]]);
    expect(diagnostics[0] && messageOf(diagnostics[0])).toContain("NUL character");
  });
});
