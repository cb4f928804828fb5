/**
 * `defineHome` — one person's home-manager configuration. `homes/<user>.ts` (or
 * `homes/<user>/home.ts`) is shared by every host where `users.<user>` exists;
 * `homes/<user>@<host>.ts` adds to it on one host only.
 * Generated as home-manager modules, `homes/<user>/default.nix` and `homes/<user>/<host>.nix`.
 */
import { z } from "zod";
import { relativeNixFile } from "./checks.ts";
import { brandDefinition } from "./definition.ts";
import { nixExpression, nixOptionBlock } from "./values.ts";

/** home-manager's release scheme, `YY.MM`. */
const STATE_VERSION = /^\d{2}\.(05|11)$/;

const stateVersionMessage = 'must be a home-manager release such as "26.05" (year.month, May or November)';

/** `programs.git`: the identity commits are made with. */
export const homeGitSchema = z.strictObject({
  /** The name commits are signed with (`programs.git.settings.user.name`; `userName` before home-manager 25.11), e.g. `"Alice Liddell"`. */
  userName: z.string().min(1, { error: "must not be empty" }).optional(),
  /** The e-mail address commits carry (`programs.git.settings.user.email`; `userEmail` before home-manager 25.11), e.g. `"alice@example.com"`. */
  userEmail: z.email({ error: 'must be an e-mail address such as "alice@example.com"' }).optional(),
});

/** A shell alias name: anything a shell accepts before `=`, e.g. `"ll"` or `"gs"`. */
const aliasName = z.string().regex(/^[^\s='"`$\\]+$/, {
  error: "must be an alias name without spaces, quotes, '=', '$', '`' or '\\', such as \"ll\"",
});

/** A home: `homes/<user>.ts` (shared by the user's hosts) or `homes/<user>@<host>.ts` (one host). */
export const homeSchema = z.strictObject({
  /**
   * `home.stateVersion`: the home-manager release whose defaults this home was written against,
   * e.g. `"26.05"`. Required in the shared home; never change it after the first deployment.
   */
  stateVersion: z.string().regex(STATE_VERSION, { error: stateVersionMessage }).optional(),
  /** Packages installed for this user (`home.packages`), e.g. `[pkg("ripgrep"), pkg("tmux")]`. */
  packages: z.array(nixExpression).default([]),
  /** Enables git with this identity (`programs.git`). */
  git: homeGitSchema.optional(),
  /** Aliases for every shell home-manager configures (`home.shellAliases`), e.g. `{ ll: "ls -l" }`. */
  shellAliases: z.record(aliasName, z.string()).default({}),
  /**
   * Any home-manager option, written as nested objects, e.g.
   * `{ programs: { tmux: { enable: true, clock24: true } } }`. Written last, so it reads as overrides.
   */
  homeManager: nixOptionBlock.default({}),
  /** Hand-written home-manager modules to import, relative to this file, e.g. `["./vim.nix"]`. */
  imports: z.array(relativeNixFile).default([]),
});

/**
 * The schema of a shared home (`homes/<user>.ts`): `stateVersion` is required there, as
 * home-manager refuses to evaluate a home without it; per-host files inherit it.
 */
export const sharedHomeSchema = homeSchema.extend({
  stateVersion: z
    .string({ error: 'home-manager needs home.stateVersion, so the shared home sets it: the home-manager release it was first deployed with, e.g. "26.05"' })
    .regex(STATE_VERSION, { error: stateVersionMessage }),
});

/** What a home file writes (defaults may be left out). */
export type HomeInput = z.input<typeof homeSchema>;
/** A validated home. */
export type HomeConfig = z.output<typeof homeSchema>;

/** Declare a home. Default-export the result from `homes/<user>.ts` or `homes/<user>@<host>.ts`. */
export const defineHome = (home: HomeInput): HomeInput => brandDefinition("home", home);
