/**
 * The CLI loads only the command that runs: which modules `registerCommands` picks from the
 * arguments (the start-up figure itself is the benchmark's, not a test's).
 */
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { commandNamed, registerCommands } from "../../generators/cli/command-registry.ts";
import { processEnvironment } from "../../generators/cli/command-environment.ts";

const environment = processEnvironment(() => "/nonexistent");

const registered = async (args: string[]): Promise<string[]> => {
  const program = new Command("typeflake").option("-C, --root <dir>");
  await registerCommands(program, environment, args);
  return program.commands.map((command) => command.name());
};

describe("commands loaded on demand", () => {
  it("finds the command's name after global options and their values", () => {
    expect(commandNamed(["-C", "generate", "deploy", "nas"])).toBe("deploy");
    expect(commandNamed(["--root", "x", "generate", "--check"])).toBe("generate");
    expect(commandNamed(["--version"])).toBeUndefined();
  });

  it("registers nothing for --version", async () => {
    expect(await registered(["--version"])).toEqual([]);
  });

  it("registers the named command's module only", async () => {
    expect(await registered(["-C", "fleet", "generate", "--check"])).toEqual(["generate", "diff"]);
    expect(await registered(["deploy", "--all"])).toEqual(["deploy"]);
  });

  it("registers every command for help and for an unknown command, so both can list them", async () => {
    const all = await registered(["--help"]);
    expect(all).toEqual(expect.arrayContaining(["generate", "deploy", "options", "plan", "status", "init", "schema"]));
    expect(await registered(["genrate"])).toEqual(all);
  });
});
