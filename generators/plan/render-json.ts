/**
 * The plan as JSON for CI (a pull-request comment, a gate on risks): the plan's own data,
 * with a format version so consumers can tell when it changes.
 */
import type { FleetPlan } from "./changes.ts";

/** Bumped when a field is renamed or removed; adding a field does not bump it. */
export const PLAN_JSON_VERSION = 1;

/** The plan as indented JSON, with a trailing newline. */
export const renderPlanJson = (plan: FleetPlan): string => `${JSON.stringify({ version: PLAN_JSON_VERSION, ...plan }, null, 2)}\n`;
