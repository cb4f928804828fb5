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
 *   `Array.prototype.map`) are put back: typeflake's own code relies on them. Those it made
 *   unchangeable as well (`Object.defineProperty(…, { configurable: false })`, `Object.freeze`
 *   after replacing) cannot be: they are named, for the load to end as the fleet's error.
 */
import childProcess from "node:child_process";
import crypto from "node:crypto";
import events from "node:events";
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import stream from "node:stream";
import stringDecoder from "node:string_decoder";
import timers from "node:timers";
import util from "node:util";
import { patch, unpatch } from "./patch.ts";

// Taken before any fleet code runs: putting the built-ins back must not use the ones it replaced
// (an emptied `Reflect.ownKeys`, an array iterator that yields nothing, a broken `Function.prototype.call`).
const { ownKeys, deleteProperty, defineProperty, apply } = Reflect;
const { getOwnPropertyDescriptors, hasOwn } = Object;
const symbolDescription = Object.getOwnPropertyDescriptor(Symbol.prototype, "description")!.get!;
const { charCodeAt, slice } = String.prototype;
const { toString: numberToString } = Number.prototype;

/** The standard built-ins typeflake relies on, by their global names; each with its prototype. */
const BUILT_IN_NAMES = [
  "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Math", "JSON", "Reflect", "Promise", "Proxy", "Map", "Set",
  "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Date", "RegExp", "Error", "AggregateError", "EvalError", "RangeError",
  "ReferenceError", "SyntaxError", "TypeError", "URIError", "ArrayBuffer", "SharedArrayBuffer", "DataView", "Atomics", "Int8Array",
  "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array",
  "BigInt64Array", "BigUint64Array", "Iterator", "Intl", "Buffer", "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "console",
] as const;

/** An object whose own properties are kept, and how a message names it (`Array.prototype`). */
type Kept = readonly [name: string, object: object];

const isObject = (value: unknown): value is object => (typeof value === "object" && value !== null) || typeof value === "function";

const named = (name: string, value: unknown): Kept[] => (isObject(value) ? [[name, value]] : []);

/** Node's modules typeflake works through (the streams, events and sockets its output and the programs it runs go through), whose functions fleet code could replace. */
const NODE_MODULES: readonly Kept[] = [
  ["node:fs", fs], ["node:fs/promises", fs.promises], ["node:path", path], ["node:crypto", crypto], ["node:os", os], ["node:util", util],
  ["node:child_process", childProcess], ["node:timers", timers], ["node:events", events], ["node:stream", stream], ["node:net", net],
  ["node:string_decoder", stringDecoder],
];

/**
 * The classes those modules export, each with its prototype (`EventEmitter.prototype.emit`
 * replaced made every program typeflake runs seem never to end, and the run stopped silently with
 * status 0). Found through the modules' descriptors, so that no getter (a deprecated export) runs.
 */
const nodeClasses = (): Kept[] =>
  NODE_MODULES.flatMap(([module, object]) => {
    const descriptors = Object.getOwnPropertyDescriptors(object);
    // Classes by their capitalised names (every plain function has a prototype, unused).
    return Object.keys(descriptors).flatMap((name) => {
      if (!/^[A-Z]/.test(name)) return [];
      const value: unknown = descriptors[name]!.value;
      const prototype: unknown = typeof value === "function" ? Object.getOwnPropertyDescriptor(value, "prototype")?.value : undefined;
      return isObject(prototype) ? [...named(`${module} ${name}`, value), ...named(`${module} ${name}.prototype`, prototype)] : [];
    });
  });

/**
 * The built-ins no global name holds: the prototypes of generators, async functions and iterators
 * (`Object.getPrototypeOf(function* () {}).prototype.next = …` made every generator of typeflake's
 * yield nothing, and `generate` removed the files it did not plan). Found from values of each kind.
 */
const hiddenIntrinsics = (): Kept[] => {
  const prototypeOf = Object.getPrototypeOf as (value: unknown) => { prototype?: unknown; constructor?: unknown };
  const generatorFunction = prototypeOf(function* () {});
  const asyncGeneratorFunction = prototypeOf(async function* () {});
  const asyncFunction = prototypeOf(async () => undefined);
  const arrayIterator = prototypeOf([][Symbol.iterator]());
  return [
    ...named("GeneratorFunction.prototype", generatorFunction),
    ...named("GeneratorFunction.prototype.prototype", generatorFunction.prototype),
    ...named("GeneratorFunction", generatorFunction.constructor),
    ...named("AsyncGeneratorFunction.prototype", asyncGeneratorFunction),
    ...named("AsyncGeneratorFunction.prototype.prototype", asyncGeneratorFunction.prototype),
    ...named("AsyncGeneratorFunction", asyncGeneratorFunction.constructor),
    ...named("AsyncIteratorPrototype", prototypeOf(asyncGeneratorFunction.prototype)),
    ...named("AsyncFunction.prototype", asyncFunction),
    ...named("AsyncFunction", asyncFunction.constructor),
    ...named("ArrayIteratorPrototype", arrayIterator),
    ...named("MapIteratorPrototype", prototypeOf(new Map().entries())),
    ...named("SetIteratorPrototype", prototypeOf(new Set().values())),
    ...named("StringIteratorPrototype", prototypeOf(""[Symbol.iterator]())),
    ...named("RegExpStringIteratorPrototype", prototypeOf(/a/g[Symbol.matchAll]("a"))),
    ...named("IteratorPrototype", prototypeOf(arrayIterator)),
  ];
};

/** Every object whose own properties are kept: the global object, the built-ins, their prototypes, the hidden intrinsics, Node's modules and classes. */
const builtInObjects = (): Kept[] => {
  const global = globalThis as unknown as Record<string, unknown>;
  const constructors = BUILT_IN_NAMES.flatMap((name) => named(name, global[name]));
  // Function.prototype is itself a function: `call` and `apply` live on it.
  const prototypes = constructors.flatMap(([name, value]) => named(`${name}.prototype`, (value as { prototype?: unknown }).prototype));
  const typedArray = Object.getPrototypeOf(Uint8Array) as { prototype: object };
  return [["globalThis", globalThis], ...constructors, ...prototypes, ["TypedArray", typedArray], ["TypedArray.prototype", typedArray.prototype], ...hiddenIntrinsics(), ...NODE_MODULES, ...nodeClasses()];
};

/**
 * Each object with its name, its own properties as they are now, and whether they are all of them
 * (what is added is then removed). Tuples in an array, not a Map: a Map's iterator is a built-in
 * fleet code may replace before they are put back.
 */
type Snapshot = readonly (readonly [name: string, object: object, properties: PropertyDescriptorMap, whole: boolean])[];

const snapshot = (objects: readonly Kept[]): Snapshot => objects.map(([name, object]) => [name, object, getOwnPropertyDescriptors(object), true] as const);

/**
 * `process`'s methods and accessors as they are now (`process.nextTick` replaced silenced all
 * typeflake printed afterwards, and the git add after writing). Only those: its other properties
 * change as Node works, and what fleet code adds to it changes nothing typeflake does. `exit` is
 * put back by the load itself (`fleet-process.ts`), and may stay unchangeable: typeflake ends
 * through its own copy.
 */
const processMethods = (): Snapshot[number] => {
  const all = getOwnPropertyDescriptors(process);
  const methods: PropertyDescriptorMap = {};
  const keys = ownKeys(all);
  for (let at = 0; at < keys.length; at += 1) {
    const descriptor = (all as Record<PropertyKey, PropertyDescriptor>)[keys[at]!]!;
    const method = descriptor.get !== undefined || descriptor.set !== undefined || typeof descriptor.value === "function";
    if (method && keys[at] !== "exit") (methods as Record<PropertyKey, PropertyDescriptor>)[keys[at]!] = descriptor;
  }
  return ["process", process, methods, false];
};

/**
 * `name` with what is not printable ASCII written as `\uXXXX`, as the terminal report escapes the
 * fleet's text (see `diagnostics/terminal-text.ts`), with the functions taken at start: a key is
 * the fleet's text, and the string methods may be the broken ones.
 */
const visible = (name: string): string => {
  let shown = "";
  for (let index = 0; index < name.length; index += 1) {
    const code = apply(charCodeAt, name, [index]) as number;
    shown += code >= 0x20 && code < 0x7f ? apply(slice, name, [index, index + 1]) : "\\u" + apply(slice, "000" + (apply(numberToString, code, [16]) as string), [-4]);
  }
  return shown;
};

/** `Array.prototype.map`, `Symbol.prototype[Symbol.iterator]`: a property as a message names it. */
const propertyName = (owner: string, key: string | symbol): string =>
  typeof key === "string" ? `${owner}.${visible(key)}` : `${owner}[${visible(String(apply(symbolDescription, key, [])))}]`;

/** Whether two descriptors hold the same value, or the same accessors. */
const sameValue = (a: PropertyDescriptor, b: PropertyDescriptor): boolean => a.value === b.value && a.get === b.get && a.set === b.set;

const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor): boolean =>
  sameValue(a, b) && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/**
 * Put every object of `kept` back as it was: properties added removed (of those kept whole),
 * changed ones redefined.
 * Counted loops and the functions taken at start only: the iterators and methods this puts back
 * may be the broken ones. Returns the properties that could not be put back (made unchangeable).
 */
const restoreSnapshot = (kept: Snapshot): string[] => {
  const lost: string[] = [];
  // Indexed, not destructured (destructuring runs the array iterator), and not pushed.
  const lose = (owner: string, key: string | symbol) => (lost[lost.length] = propertyName(owner, key));
  for (let index = 0; index < kept.length; index += 1) {
    const entry = kept[index]!;
    const owner = entry[0];
    const object = entry[1];
    const before = entry[2];
    const now = getOwnPropertyDescriptors(object);
    const added = entry[3] ? ownKeys(now) : [];
    for (let at = 0; at < added.length; at += 1) {
      const key = added[at]!;
      // One that stays is lost only where for…in loops would meet it; a new global or a new hidden method changes nothing typeflake does.
      if (!hasOwn(before, key) && !deleteProperty(object, key) && object !== globalThis && (now as Record<PropertyKey, PropertyDescriptor>)[key]!.enumerable) lose(owner, key);
    }
    const keys = ownKeys(before);
    for (let at = 0; at < keys.length; at += 1) {
      const key = keys[at]!;
      const was = (before as Record<PropertyKey, PropertyDescriptor>)[key]!;
      const is = (now as Record<PropertyKey, PropertyDescriptor>)[key];
      // Frozen but not replaced (only its attributes changed) still works as it did.
      if ((is === undefined || !sameDescriptor(was, is)) && !defineProperty(object, key, was) && (is === undefined || !sameValue(was, is))) lose(owner, key);
    }
  }
  return lost;
};

/** The timer functions and the clear function for what each returns. */
const TIMERS = [
  ["setTimeout", "clearTimeout"],
  ["setInterval", "clearInterval"],
  ["setImmediate", "clearImmediate"],
] as const;

/**
 * Begin watching what fleet code leaves behind; the function returned undoes it, and names the
 * built-ins' properties it could not put back. Built-ins and `process`'s listeners are taken as
 * they are now.
 */
export const watchLeftovers = (): (() => readonly string[]) => {
  const global = globalThis as unknown as Record<string, unknown>;
  const builtIns = [...snapshot(builtInObjects()), processMethods()];
  const listeners = new Map(process.eventNames().map((event) => [event, process.rawListeners(event)]));
  const started: [clear: (handle: unknown) => void, handle: unknown][] = [];
  const patches = TIMERS.flatMap(([start, clearName]) => {
    const clear = global[clearName] as (handle: unknown) => void;
    const noting = (handle: unknown) => void started.push([clear, handle]);
    return [...patch(globalThis, start, () => undefined, noting), ...patch(timers, start, () => undefined, noting)];
  });
  syncBuiltinESMExports();
  return () => {
    const lost = restoreSnapshot(builtIns);
    // What comes next would run on the broken built-ins: the load is ended as failed instead.
    if (lost.length > 0) return lost;
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
    return lost;
  };
};
