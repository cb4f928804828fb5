/**
 * Functions of Node's modules replaced for a while, and put back. A replacement is a Proxy of the
 * original: it keeps the original's properties (`promisify.custom`, `realpathSync.native` is
 * still the original's own), and `new` still works on a class (`new Worker(…)`).
 */

/** A function put in place of another, and how to put the original back. */
export interface Patch {
  readonly target: Record<string, unknown>;
  readonly name: string;
  readonly original: unknown;
}

/**
 * `target[name]` replaced by a function that calls `before(args)`, then the original, then
 * `after` with what it returned; none when it is no function.
 */
export const patch = (target: object, name: string, before: (args: readonly unknown[]) => void, after: (result: unknown) => void = () => undefined): Patch[] => {
  const record = target as Record<string, unknown>;
  const original = record[name];
  if (typeof original !== "function") return [];
  record[name] = new Proxy(original, {
    apply: (callee, self, args: unknown[]) => {
      before(args);
      const result: unknown = Reflect.apply(callee, self, args);
      after(result);
      return result;
    },
    construct: (callee, args: unknown[], newTarget) => {
      before(args);
      const result = Reflect.construct(callee, args, newTarget);
      after(result);
      return result;
    },
  });
  return [{ target: record, name, original }];
};

/** Put every original back, the last patched first. */
export const unpatch = (patches: readonly Patch[]): void => {
  for (const { target, name, original } of [...patches].reverse()) target[name] = original;
};
