let
  system = "x86_64-linux";
in
{
  x86_64-linux = "amd64";
  aarch64-linux = "arm64";
}
.${system}
