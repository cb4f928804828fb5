/**
 * The sops-nix `format` of an encrypted file, chosen from its extension as sops itself chooses
 * when it encrypts the file: `.json` is JSON, `.env` dotenv, `.ini` INI, `.yaml`/`.yml` YAML, any
 * other extension a binary file (the whole decrypted file is the secret). sops-nix reads every
 * file as YAML unless told otherwise, which fails (when the system is built, or at activation) for
 * the dotenv, INI and binary files sops wrote.
 */

/** sops-nix's `format` values other than its default, `"yaml"`. */
export type SopsFormat = "json" | "dotenv" | "ini" | "binary";

/** The format of the sops file at `path`, or undefined for YAML (sops-nix's default). */
export const sopsFormatOf = (path: string): SopsFormat | undefined => {
  const extension = /\.([^./]+)$/.exec(path)?.[1];
  switch (extension) {
    case "yaml":
    case "yml":
      return undefined;
    case "json":
      return "json";
    case "env":
      return "dotenv";
    case "ini":
      return "ini";
    default:
      return "binary";
  }
};
