/**
 * Alice's home (home-manager), on every host where she has an account.
 */
import { defineHome, pkg } from "typeflake";

export default defineHome({
  stateVersion: "24.11",
  packages: [pkg("ripgrep"), pkg("tmux"), pkg("jq")],
  git: { userName: "Alice", userEmail: "alice@lab.local" },
  shellAliases: { ll: "ls -l", gs: "git status" },
});
