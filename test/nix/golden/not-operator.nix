{
  a = !cfg.enable;
  b = !lib.hasPrefix "/" p;
  c = !(x && y);
  d = !x && y;
  e = !!x;
}
