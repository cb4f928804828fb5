/**
 * Whether fleet code has run in this process: an error nothing caught (a promise fleet code did
 * not await, a callback it left behind) is then most likely its, and reported as the fleet's
 * mistake rather than typeflake's (and so is `ExitRefused`, wherever it surfaces). Kept apart so that
 * the CLI can ask without loading the loader.
 */
let ran = false;

/** Note that fleet code is running (its bundle is being imported). */
export const noteFleetCodeRuns = (): void => {
  ran = true;
};

/** Whether fleet code has run in this process. */
export const fleetCodeRan = (): boolean => ran;

/** What fleet code's `process.exit()` throws while it loads (`fleet-process.ts`): the fleet's mistake wherever it is caught, or not. */
export class ExitRefused extends Error {}
