/**
 * Whether an absolute path lies inside a Nix store path, as nixpkgs' `lib.path.hasStorePathPrefix`
 * decides it: below /nix/store, a first component of 32 characters, '-' and a name (or a
 * content-addressed path's 52-character first component). sops-nix's `sops.age.keyFile` has the
 * type `pathNotInStore`, built on that function.
 */
/** The store directory nixpkgs assumes (`builtins.storeDir`). */
const STORE_DIR = "/nix/store";

/** True when `path` (absolute) is a store path or below one. */
export const isInNixStore = (path: string): boolean => {
  // Normalized by hand: the DSL's types reach users' editors, which may lack Node's (node:path).
  const components = path.split("/").reduce<string[]>((kept, part) => (part === "" || part === "." ? kept : part === ".." ? kept.slice(0, -1) : [...kept, part]), []);
  const [first, second, entry] = components;
  if (first !== undefined && /^[0-9a-z]{52}$/.test(first)) return true;
  return `/${first}/${second}` === STORE_DIR && entry !== undefined && /^.{32}-.+$/.test(entry);
};
