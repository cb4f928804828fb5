# Stub of agenix (github:ryantm/agenix), for evaluating generated flakes offline.
#
# Imitates: `nixosModules.age` (and `.default`): `age.secrets` defaults to `{ }`, and every
# secret defined there gets agenix's default runtime path, so `config.age.secrets.x.path` is
# "/run/agenix/x"; `age.identityPaths` defaults, as in agenix's modules/age.nix, to the rsa and
# ed25519 keys of `services.openssh.hostKeys` when OpenSSH is enabled (NixOS's default host keys
# when the host sets none), else `[ ]`; and reading `age.secretsChecked` throws agenix's
# assertion "age.identityPaths must be set." when there are secrets and no identity (the stub
# module system has no `assertions`).
#
# Leaves out: decryption, every other secret default (name, mode, owner, …), the `agenix` CLI
# package.
{
  description = "Stub agenix for typeflake's tests";

  outputs = { self }: {
    nixosModules.age = { config, lib, ... }: {
      _file = "<stub agenix nixosModules.age>";
      options.age.secrets = lib.mkOption {
        default = { };
        type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
          options.path = lib.mkOption { default = "/run/agenix/${name}"; };
        }));
      };
      options.age.identityPaths = lib.mkOption {
        default =
          let
            ssh = config.services.openssh or { };
            # NixOS's own default of services.openssh.hostKeys.
            hostKeys = ssh.hostKeys or [
              { type = "rsa"; path = "/etc/ssh/ssh_host_rsa_key"; }
              { type = "ed25519"; path = "/etc/ssh/ssh_host_ed25519_key"; }
            ];
          in
          if ssh.enable or false
          then map (key: key.path) (builtins.filter (key: key.type == "rsa" || key.type == "ed25519") hostKeys)
          else [ ];
      };
      options.age.secretsChecked = lib.mkOption {
        default =
          if config.age.secrets != { } && config.age.identityPaths == [ ]
          then throw "Failed assertions:\n- age.identityPaths must be set."
          else true;
      };
    };
    nixosModules.default = self.nixosModules.age;
  };
}
