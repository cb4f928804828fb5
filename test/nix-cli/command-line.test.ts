import { describe, expect, test } from "vitest";
import { formatCommandLine, shellQuote } from "../../generators/nix-cli/command-line.ts";
import { describeCommand } from "../../generators/nix-cli/run.ts";

describe("shellQuote", () => {
  test("leaves plain words alone", () => {
    expect(shellQuote("deploy@10.0.20.10")).toBe("deploy@10.0.20.10");
    expect(shellQuote("/nix/var/nix/profiles/system")).toBe("/nix/var/nix/profiles/system");
  });

  test("quotes flake references, spaces, empty words and single quotes", () => {
    expect(shellQuote(".#nas")).toBe("'.#nas'");
    expect(shellQuote("nix-command flakes")).toBe("'nix-command flakes'");
    expect(shellQuote("")).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});

describe("formatCommandLine", () => {
  test("prints environment, sudo, command and quoted arguments as one copyable line", () => {
    expect(formatCommandLine({ command: "nixos-rebuild", args: ["switch", "--flake", ".#nas"], sudo: true })).toBe(
      "sudo nixos-rebuild switch --flake '.#nas'",
    );
    expect(formatCommandLine({ command: "nixos-rebuild", args: ["test"], env: { NIX_SSHOPTS: "-p 2222" } })).toBe(
      "NIX_SSHOPTS='-p 2222' nixos-rebuild test",
    );
  });

  test("starts with cd when the command runs in another directory than the user's", () => {
    const line = { command: "nix", args: ["flake", "update"] };
    expect(describeCommand(line, "/work/fleet", "/work/fleet")).toBe("nix flake update");
    expect(describeCommand(line, "/work/fleet/examples/lab", "/work/fleet")).toBe(
      "cd examples/lab && nix flake update",
    );
  });
});
