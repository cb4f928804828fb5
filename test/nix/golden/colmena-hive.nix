{
  meta = {
    nixpkgs = import nixpkgs { system = "x86_64-linux"; };
    specialArgs = { inherit inputs; };
  };
  nas =
    { name, nodes, ... }:
    {
      deployment.targetHost = "10.0.20.10";
      imports = [ ./hosts/nas ];
    };
}
