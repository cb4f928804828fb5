{
  result = lib.foldl' (acc: x: acc + x) 0 (builtins.map (
    host: host.weight
  ) config.typeflake.fleet.hostsByName) config.typeflake.fleet.defaults;
}
