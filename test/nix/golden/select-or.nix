{
  a = cfg.port or 80;
  b = cfg.extraFlags or (lib.optional debug "-v");
}
