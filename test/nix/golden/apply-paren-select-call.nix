{
  type = types.nullOr (
    types.enum [
      "http"
      "https"
    ]
  );
  config = lib.mkIf cfg.enable (
    lib.mkMerge [
      { a = 1; }
      { b = 2; }
    ]
  );
}
