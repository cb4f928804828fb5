let
  system = "x86_64-linux";
  name = "web";
in
{
  packages.${system}.default = hello;
  "${name}-backup" = true;
  static = false;
}
