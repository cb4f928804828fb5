{
  nas = nixpkgs.lib.nixosSystem {
    inherit system;
    specialArgs = { inherit unstable; };
    modules = [
      ./hosts/nas
      ./modules/common.nix
      sops-nix.nixosModules.sops
    ];
  };
}
