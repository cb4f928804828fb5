{ port = if cfg.tls then 443 else 80; }
