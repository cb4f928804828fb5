{
  result = lib.foldl' (acc: x: acc + x) 0 (builtins.map (host: host.weight) config.typeflake.hosts);
}
