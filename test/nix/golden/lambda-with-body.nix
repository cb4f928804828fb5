{
  python = pkgs.python3.withPackages (
    ps: with ps; [
      requests
      pyyaml
    ]
  );
}
