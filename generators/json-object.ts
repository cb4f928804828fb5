/** Telling a JSON object (a record of named values) from the other JSON values, for hand-checked file formats. */

/** Whether `value` is an object with named values: not null, not an array. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
