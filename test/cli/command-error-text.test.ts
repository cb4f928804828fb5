/**
 * A command's error message reaches stderr with control and bidi characters escaped (it may quote
 * the fleet's names or a tool's output), its line breaks kept.
 */
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { commandAction } from "../../generators/cli/command-action.ts";
import type { CommandEnvironment } from "../../generators/cli/command-environment.ts";
import { UsageError } from "../../generators/command/command-error.ts";
import { runCommand } from "../support/run-command.ts";

/** A `fail` command whose action throws a UsageError carrying ESC, U+202E and a second line. */
const registerFailing = (program: Command, environment: CommandEnvironment): void => {
  program.command("fail").action(
    commandAction(environment, () => {
      throw new UsageError("no host \"a\u001b[2J\u202e\"\nthe fleet's hosts are: nas");
    }),
  );
};

describe("a command's error message", () => {
  it("is escaped on stderr, one line per line", async () => {
    const run = await runCommand([registerFailing], ["fail"]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe("typeflake: no host \"a\\u001b[2J\\u202e\"\nthe fleet's hosts are: nas\n");
  });
});
