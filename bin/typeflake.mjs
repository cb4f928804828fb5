#!/usr/bin/env node
// Runs typeflake's TypeScript CLI directly through tsx: no build step, as for users' fleets.
import { register } from "tsx/esm/api";

register();
await import("../generators/cli/main.ts");
