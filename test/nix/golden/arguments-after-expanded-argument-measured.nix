{
  a.b = three 2 (three null (lib.one (two (-4) (two { a = 1; } null)))
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  ) { a = 1; };
  c.d = lib.two (three false { a = 1; }
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  ) (lib.two (lib.one null) null);
}
