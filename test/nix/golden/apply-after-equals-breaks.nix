{
  path =
    deploy-rs.lib.${system}.activate.nixos
      self.nixosConfigurations.a-host-with-a-very-long-name-in-the-fleet-inventory;
}
