{
  a.b = three 2 (three null (lib.one (two (-4) (two { a = 1; } null)))
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  ) { a = 1; };
  c.d = lib.two (three false { a = 1; }
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
  ) (lib.two (lib.one null) null);
  e.f =
    three (three (lib.one (-4)) "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" false)
      "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
      { a = 1; };
  g.h = three (three (lib.one (-4)) "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"
    false
  ) "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" [ 1 ];
}
