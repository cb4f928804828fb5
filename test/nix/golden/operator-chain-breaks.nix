{
  command =
    "a-rather-long-attribute-value-that-takes-up-room-part-one "
    + cfg.package
    + "/bin/a-rather-long-attribute-value-that-takes-up-room --flag "
    + lib.escapeShellArg cfg.dataDir;
}
