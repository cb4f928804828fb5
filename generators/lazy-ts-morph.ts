/**
 * ts-morph, loaded on first use. It costs about 0.4 s and 80 MB to load, and only a few commands
 * need it (`options import`, `schema`); every other command, `generate` first, must not pay it.
 * ts-morph is CommonJS, so `require` loads it synchronously for callers that are synchronous.
 */
import { createRequire } from "node:module";
import type * as Morph from "ts-morph";

let loaded: typeof Morph | undefined;

export const tsMorph = (): typeof Morph => (loaded ??= createRequire(import.meta.url)("ts-morph") as typeof Morph);
