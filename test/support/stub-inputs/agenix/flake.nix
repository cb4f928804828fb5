# Stub of agenix (github:ryantm/agenix), for evaluating generated flakes offline.
#
# Imitates: `nixosModules.age` (and `.default`): `age.secrets` defaults to `{ }`, and every
# secret defined there gets agenix's default runtime path, so `config.age.secrets.x.path` is
# "/run/agenix/x".
#
# Leaves out: decryption, every other secret default (name, mode, owner, …), `age.identityPaths`,
# the `agenix` CLI package.
{
  description = "Stub agenix for typeflake's tests";

  outputs = { self }: {
    nixosModules.age = { lib, ... }: {
      _file = "<stub agenix nixosModules.age>";
      options.age.secrets = lib.mkOption {
        default = { };
        type = lib.types.attrsOf (lib.types.submodule ({ name, ... }: {
          options.path = lib.mkOption { default = "/run/agenix/${name}"; };
        }));
      };
    };
    nixosModules.default = self.nixosModules.age;
  };
}
