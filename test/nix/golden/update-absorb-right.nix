{
  settings = cfg.extraSettings // {
    port = 80;
    host = "0.0.0.0";
  };
}
