{ version = (import ./version.nix).version; }
