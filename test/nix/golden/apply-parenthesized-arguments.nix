{
  a = f (g x) (y + 1);
  b = (x: x) 1;
  c = lib.optionals (!minimal) [ pkgs.man-pages ];
}
