{ privateKeyFile = config.sops.secrets.wireguard-key.path; }
