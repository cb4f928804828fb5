/**
 * The flake reference grammar of nix's manual ("Flake references", URL-like syntax), so an input
 * URL nix cannot parse is refused at the TypeScript line instead of by `nix flake lock`:
 *
 * - `github:<owner>/<repo>(/<rev-or-ref>)?(?<params>)?`, likewise `gitlab:` and `sourcehut:`
 * - `git+(http|https|ssh|git|file)://…`, `hg+(http|https|ssh|file)://…`
 * - `tarball+(http|https|file)://…`, `file+(http|https|file)://…`, and `http(s)://…` naming an
 *   archive (`.tar.gz`, `.zip`, …)
 * - `path:<path>`, `./relative`, `/absolute`
 * - indirect ids looked up in the registry: `nixpkgs`, `flake:nixpkgs/nixos-26.05(/<rev>)?`
 */

/** A git commit hash, as `rev` takes it. */
const REV = /^[0-9a-fA-F]{40}$/;

/** nix's `refRegex`: what a branch or tag name may look like. */
const REF = /^[a-zA-Z0-9@][a-zA-Z0-9_./@+-]*$/;

/** nix's `badGitRefRegex`: ref names git itself refuses. */
const BAD_REF = /\/\/|^[./]|\/\.|\.\.|[\s:?^~[\\*]|\.lock$|\.lock\/|@\{|[/.]$|^@$/;

/** A registry id such as `nixpkgs`. */
const FLAKE_ID = /^[a-zA-Z][a-zA-Z0-9_-]*$/;

/** An owner or repository name of a git forge: one path part. */
const FORGE_NAME = /^[A-Za-z0-9_.~-]+$/;

/** Archive names `http(s)://` URLs must end with for nix to take them for tarballs. */
const ARCHIVE = /\.(zip|tar|tgz|tar\.gz|tar\.xz|tar\.bz2|tar\.zst)$/;

/** Transport schemes allowed after each `<type>+` prefix. */
const TRANSPORTS: Readonly<Record<string, readonly string[]>> = {
  git: ["http", "https", "ssh", "git", "file"],
  hg: ["http", "https", "ssh", "file"],
  tarball: ["http", "https", "file"],
  file: ["http", "https", "file"],
};

const isRef = (value: string): boolean => REF.test(value) && !BAD_REF.test(value);

/** Why a `?a=b&c=d` query is malformed (a bad `rev` or `ref` included), or undefined. */
const queryProblem = (query: string | undefined): string | undefined => {
  if (query === undefined) return undefined;
  for (const pair of query.split("&")) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=([^&=]*)$/.exec(pair);
    if (!match) return `the query part ${JSON.stringify(pair)} is not name=value`;
    const [, name, value = ""] = match;
    if (name === "rev" && !REV.test(value)) return `rev=${value} is not a 40-digit commit hash`;
    if (name === "ref" && !isRef(decodeURIComponent(value))) return `ref=${value} is not a valid branch or tag name`;
  }
  return undefined;
};

/** `github:owner/repo/ref`, `gitlab:…`, `sourcehut:~owner/repo`. */
const forgeProblem = (type: string, rest: string): string | undefined => {
  const [path = "", query] = rest.split(/\?(.*)/s);
  const parts = path.split("/");
  if (parts.length < 2 || parts.length > 3)
    return `${type}: takes <owner>/<repo> and an optional /<branch, tag or commit>`;
  const [owner = "", repo = "", ref] = parts;
  if (!FORGE_NAME.test(owner) || !FORGE_NAME.test(repo)) return `${JSON.stringify(`${owner}/${repo}`)} is not <owner>/<repo>`;
  if (ref !== undefined && !REV.test(ref) && !isRef(ref)) return `${JSON.stringify(ref)} is not a valid branch, tag or commit`;
  return queryProblem(query);
};

/** `git+https://host/path?ref=main`, `tarball+https://…`, `https://host/archive.tar.gz`. */
const urlProblem = (type: string, url: string): string | undefined => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${JSON.stringify(url)} is not a URL${url.startsWith("ssh:") ? " (write ssh://user@host/path, not user@host:path)" : ""}`;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (!(TRANSPORTS[type] ?? []).includes(scheme))
    return `${type}+ takes ${(TRANSPORTS[type] ?? []).map((allowed) => `${allowed}://`).join(", ")} URLs, not ${scheme}:`;
  if (scheme !== "file" && parsed.hostname === "") return `${JSON.stringify(url)} names no host`;
  if (scheme === "file" && parsed.pathname === "") return `${JSON.stringify(url)} names no file`;
  return queryProblem(parsed.search === "" ? undefined : parsed.search.slice(1));
};

/** `nixpkgs`, `nixpkgs/nixos-26.05`, `nixpkgs/nixos-26.05/<rev>`. */
const indirectProblem = (reference: string): string | undefined => {
  const [path = "", query] = reference.split(/\?(.*)/s);
  const [id = "", ref, rev, ...extra] = path.split("/");
  if (!FLAKE_ID.test(id)) return `${JSON.stringify(id)} is not a registry id such as "nixpkgs"`;
  if (extra.length) return "a registry reference is <id>(/<branch or tag>)(/<commit>)";
  if (ref !== undefined && !REV.test(ref) && !isRef(ref)) return `${JSON.stringify(ref)} is not a valid branch, tag or commit`;
  if (rev !== undefined && !REV.test(rev)) return `${JSON.stringify(rev)} is not a 40-digit commit hash`;
  return queryProblem(query);
};

/**
 * Why nix cannot parse `reference` as a flake reference, or undefined when it can. The reason is
 * short and names the part that is wrong.
 */
export const flakeRefProblem = (reference: string): string | undefined => {
  if (reference === "") return "it is empty";
  if (/[\s\u0000-\u001f\u007f"'`\\]/.test(reference)) return "it contains white space, a quote, a backslash or a control character";
  if (reference.startsWith("/") || reference === "." || reference.startsWith("./") || reference.startsWith("../")) return undefined;
  const colon = reference.indexOf(":");
  if (colon < 0) return indirectProblem(reference);
  const scheme = reference.slice(0, colon);
  const rest = reference.slice(colon + 1);
  if (scheme === "github" || scheme === "gitlab") return forgeProblem(scheme, rest);
  if (scheme === "sourcehut") return forgeProblem(scheme, rest.replace(/^~/, ""));
  if (scheme === "flake") return indirectProblem(rest);
  if (scheme === "path") return rest.split("?")[0] === "" ? "path: names no path" : queryProblem(rest.split(/\?(.*)/s)[1]);
  const typed = /^(git|hg|tarball|file)\+(.*)$/.exec(scheme);
  if (typed) return urlProblem(typed[1] as string, `${typed[2]}:${rest}`);
  if (scheme === "http" || scheme === "https") {
    const problem = urlProblem("tarball", reference);
    if (problem) return problem;
    return ARCHIVE.test(new URL(reference).pathname)
      ? undefined
      : "an http(s) URL must name an archive (.tar.gz, .tar.xz, .zip, …); write tarball+https://… or file+https://… for other files";
  }
  return `unknown kind of flake reference ${JSON.stringify(`${scheme}:`)}`;
};
