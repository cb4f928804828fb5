# Stub of sops-nix (github:Mic92/sops-nix), for evaluating generated flakes offline.
#
# Imitates: `nixosModules.sops` (and `.default`): `sops.secrets` defaults to `{ }`, and every
# secret defined there gets sops-nix's default runtime path, so
# `config.sops.secrets."wireguard-key".path` is "/run/secrets/wireguard-key".
#
# Leaves out: decryption, every other secret default (owner, mode, sopsFile, …), checks that
# `sops.defaultSopsFile` exists or that the secret is in it, templates, users' secrets.
{
  description = "Stub sops-nix for typeflake's tests";

  outputs = { self }: {
    nixosModules.sops = { lib, ... }: {
      _file = "<stub sops-nix nixosModules.sops>";
      options.sops.secrets = lib.mkOption {
        default = { };
        type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
          options.path = lib.mkOption { default = "/run/secrets/${name}"; };
        }));
      };
    };
    nixosModules.default = self.nixosModules.sops;
  };
}
