# Stub of home-manager (github:nix-community/home-manager), for evaluating generated flakes
# offline.
#
# Imitates: `nixosModules.home-manager` (and `.default`) with home-manager's NixOS-level
# defaults: `home-manager.useGlobalPkgs`, `useUserPackages` (false) and `users` ({ }).
#
# Leaves out: evaluating users' configurations — `home-manager.users.<name>` stays the value it
# was defined as (a module function is kept as it is, and two definitions of one user conflict
# instead of merging), `extraSpecialArgs`, every home-manager option.
{
  description = "Stub home-manager for typeflake's tests";

  outputs = { self }: {
    nixosModules.home-manager = { lib, ... }: {
      _file = "<stub home-manager nixosModules.home-manager>";
      options.home-manager = {
        useGlobalPkgs = lib.mkOption { default = false; };
        useUserPackages = lib.mkOption { default = false; };
        users = lib.mkOption { default = { }; };
      };
    };
    nixosModules.default = self.nixosModules.home-manager;
  };
}
