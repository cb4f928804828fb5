if cfg.enable then
  {
    a = 1;
    b = 2;
  }
else
  { }
