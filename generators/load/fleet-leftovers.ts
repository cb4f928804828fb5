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
import childProcess from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import os from "node:os";
import path from "node:path";
import timers from "node:timers";
import util from "node:util";
import { patch, unpatch } from "./patch.ts";

// Taken before any fleet code runs: putting the built-ins back must not use the ones it replaced
// (an emptied `Reflect.ownKeys`, an array iterator that yields nothing, a broken `Function.prototype.call`).
const { ownKeys, deleteProperty, defineProperty } = Reflect;
const { getOwnPropertyDescriptors, hasOwn } = Object;

/** The standard built-ins typeflake relies on, by their global names; each with its prototype. */
const BUILT_IN_NAMES = [
  "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Promise", "Map", "Set",
  "WeakMap", "WeakSet", "Date", "RegExp", "Error", "TypeError", "RangeError", "SyntaxError", "ArrayBuffer", "Uint8Array", "DataView",
  "Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "Intl",
] as const;

/** Node's modules typeflake works through, whose functions fleet code could replace. */
const NODE_MODULES: readonly object[] = [fs, fs.promises, path, crypto, os, util, childProcess, timers];

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
  return [...constructors, ...prototypes, typedArray, typedArray.prototype, arrayIterator, Object.getPrototypeOf(arrayIterator) as object, ...NODE_MODULES];
};

/**
 * Each object with its own properties as they are now. Pairs in an array, not a Map: a Map's
 * iterator is a built-in fleet code may replace before they are put back.
 */
type Snapshot = readonly (readonly [object, PropertyDescriptorMap])[];

const snapshot = (objects: readonly object[]): Snapshot => objects.map((object) => [object, getOwnPropertyDescriptors(object)] as const);

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor): boolean =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/**
 * Put every object of `kept` back as it was: properties added removed, changed ones redefined
 * (where they still can be). Counted loops and the functions taken at start only: the iterators
 * and methods this puts back may be the broken ones.
 */
const restoreSnapshot = (kept: Snapshot): void => {
  for (let index = 0; index < kept.length; index += 1) {
    const [object, before] = kept[index]!;
    const now = getOwnPropertyDescriptors(object);
    const added = ownKeys(now);
    for (let at = 0; at < added.length; at += 1) if (!hasOwn(before, added[at]!)) deleteProperty(object, added[at]!);
    const keys = ownKeys(before);
    for (let at = 0; at < keys.length; at += 1) {
      const key = keys[at]!;
      const was = (before as Record<PropertyKey, PropertyDescriptor>)[key]!;
      const is = (now as Record<PropertyKey, PropertyDescriptor>)[key];
      if (is === undefined || !sameDescriptor(was, is)) {
        try {
          defineProperty(object, key, was);
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
    restoreSnapshot(builtIns);
    unpatch(patches);
    syncBuiltinESMExports();
    for (const [clear, handle] of started) clear(handle);
    for (const event of new Set([...process.eventNames(), ...listeners.keys()])) {
      const before = listeners.get(event) ?? [];
      const now = process.rawListeners(event);
      if (now.length === before.length && now.every((listener, index) => listener === before[index])) continue;
      process.removeAllListeners(event);
      for (const listener of before) process.on(event, listener as (...args: unknown[]) => void);
    }
  };
};
