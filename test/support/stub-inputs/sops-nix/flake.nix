# Stub of sops-nix (github:Mic92/sops-nix), for evaluating generated flakes offline.
#
# Imitates: `nixosModules.sops` (and `.default`): `sops.secrets` defaults to `{ }`, and every
# secret defined there gets sops-nix's default runtime path, so
# `config.sops.secrets."wireguard-key".path` is "/run/secrets/wireguard-key"; and reading
# `sops.secretsChecked` fails where the real module fails while the host evaluates: a secret
# whose `owner` is no user of `users.users` and that sets no `group` (sops-nix's group defaults to
# `users.users.${owner}.group`: "attribute '<owner>' missing"), and a `format` outside its enum.
#
# Leaves out: decryption, every other secret default (mode, sopsFile, …), the path of a
# `neededForUsers` secret (/run/secrets-for-users/<name>: the stub gives submodules no `config`),
# checks that `sops.defaultSopsFile` exists or that the secret is in it, templates.
{
  description = "Stub sops-nix for typeflake's tests";

  outputs = { self }: {
    nixosModules.sops = { config, lib, ... }: {
      _file = "<stub sops-nix nixosModules.sops>";
      options.sops.secrets = lib.mkOption {
        default = { };
        type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
          options.path = lib.mkOption { default = "/run/secrets/${name}"; };
        }));
      };
      options.sops.secretsChecked = lib.mkOption {
        default =
          let
            users = config.users.users or { };
            check = name: secret:
              if secret ? owner && secret.owner != null && !(secret ? group) && !(users ? ${secret.owner}) then
                throw "sops.secrets.${name}: attribute '${secret.owner}' missing (sops-nix reads users.users.${secret.owner}.group)"
              else if !(builtins.elem (secret.format or "yaml") [ "yaml" "json" "binary" "dotenv" "ini" ]) then
                throw "sops.secrets.${name}.format: ${secret.format} is not one of \"yaml\", \"json\", \"binary\", \"dotenv\", \"ini\""
              else true;
          in
          builtins.all (name: check name config.sops.secrets.${name}) (builtins.attrNames config.sops.secrets);
      };
    };
    nixosModules.default = self.nixosModules.sops;
  };
}
