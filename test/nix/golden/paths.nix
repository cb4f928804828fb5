[
  ./hardware.nix
  ../../secrets/secrets.yaml
  /etc/nixos
  ./.
]
