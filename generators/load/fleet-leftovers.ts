/**
 * What fleet code leaves behind in the process once it has loaded, undone: typeflake validates,
 * prints and writes the fleet afterwards in the same process, and must do so with Node as it was.
 *
 * - Timers it started and did not wait for are cancelled: a `setInterval` would keep typeflake
 *   from exiting, a late `console.log` would land in `--json`'s output, a late `process.exit(0)`
 *   would end `generate --check` with success having checked nothing.
 * - Listeners it added to `process` (`on("exit", …)` setting the exit code) are removed, and those
 *   it removed are put back.
 * - Built-ins it changed (`Object.prototype.extra = …`, `JSON.parse = …`, a polyfill replacing
 *   `Array.prototype.map`) are put back: typeflake's own code relies on them.
 */
import { syncBuiltinESMExports } from "node:module";
import timers from "node:timers";
import { patch, unpatch } from "./patch.ts";

/** The standard built-ins typeflake relies on, by their global names; each with its prototype. */
const BUILT_IN_NAMES = [
  "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Promise", "Map", "Set",
  "WeakMap", "WeakSet", "Date", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ArrayBuffer", "Uint8Array", "DataView",
  "Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "Intl",
] as const;

/** Every object whose own properties are kept: the built-ins, their prototypes, the typed arrays' and iterators' shared ones. */
const builtInObjects = (): object[] => {
  const global = globalThis as unknown as Record<string, unknown>;
  const constructors = BUILT_IN_NAMES.map((name) => global[name]).filter((value): value is object => typeof value === "object" || typeof value === "function");
  const prototypes = constructors.flatMap((value) => {
    const prototype = (value as { prototype?: unknown }).prototype;
    return typeof prototype === "object" && prototype !== null ? [prototype] : [];
  });
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object;
  return [...constructors, ...prototypes, typedArray, typedArray.prototype, arrayIterator, Object.getPrototypeOf(arrayIterator) as object];
};

/** An object's own properties as they are now. */
type Snapshot = ReadonlyMap<object, PropertyDescriptorMap>;

const snapshot = (objects: readonly object[]): Snapshot => new Map(objects.map((object) => [object, Object.getOwnPropertyDescriptors(object)]));

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor): boolean =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/** Put every object of `kept` back as it was: properties added removed, changed ones redefined (where they still can be). */
const restoreSnapshot = (kept: Snapshot): void => {
  for (const [object, before] of kept) {
    const now = Object.getOwnPropertyDescriptors(object);
    for (const key of Reflect.ownKeys(now)) {
      if (!Object.prototype.hasOwnProperty.call(before, key)) Reflect.deleteProperty(object, key);
    }
    for (const key of Reflect.ownKeys(before)) {
      const was = (before as Record<PropertyKey, PropertyDescriptor>)[key]!;
      const is = (now as Record<PropertyKey, PropertyDescriptor>)[key];
      if (is === undefined || !sameDescriptor(was, is)) {
        try {
          Object.defineProperty(object, key, was);
        } catch {
          // Made non-configurable meanwhile (frozen): nothing can put it back.
        }
      }
    }
  }
};

/** The timer functions and the clear function for what each returns. */
const TIMERS = [
  ["setTimeout", "clearTimeout"],
  ["setInterval", "clearInterval"],
  ["setImmediate", "clearImmediate"],
] as const;

/**
 * Begin watching what fleet code leaves behind; the function returned undoes it. Built-ins and
 * `process`'s listeners are taken as they are now.
 */
export const watchLeftovers = (): (() => void) => {
  const global = globalThis as unknown as Record<string, unknown>;
  const builtIns = snapshot([globalThis, ...builtInObjects()]);
  const listeners = new Map(process.eventNames().map((event) => [event, process.rawListeners(event)]));
  const started: [clear: (handle: unknown) => void, handle: unknown][] = [];
  const patches = TIMERS.flatMap(([start, clearName]) => {
    const clear = global[clearName] as (handle: unknown) => void;
    const noting = (handle: unknown) => void started.push([clear, handle]);
    return [...patch(globalThis, start, () => undefined, noting), ...patch(timers, start, () => undefined, noting)];
  });
  syncBuiltinESMExports();
  return () => {
    unpatch(patches);
    syncBuiltinESMExports();
    for (const [clear, handle] of started) clear(handle);
    restoreSnapshot(builtIns);
    for (const event of new Set([...process.eventNames(), ...listeners.keys()])) {
      const before = listeners.get(event) ?? [];
      const now = process.rawListeners(event);
      if (now.length === before.length && now.every((listener, index) => listener === before[index])) continue;
      process.removeAllListeners(event);
      for (const listener of before) process.on(event, listener as (...args: unknown[]) => void);
    }
  };
};
