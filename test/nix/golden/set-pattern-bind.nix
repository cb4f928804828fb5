{
  a = inputs@{ self, nixpkgs, ... }: inputs.self;
  b =
    inputs@{
      self,
      nixpkgs,
      deploy-rs,
      ...
    }:
    inputs.self;
}
