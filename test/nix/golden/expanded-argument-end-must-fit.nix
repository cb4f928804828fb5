{
  a.b =
    three
      {
        a = 1;
        b = 2;
      }
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      (one 0);
  short = three {
    a = 1;
    b = 2;
  } "short" (one 0);
  l = [
    (three [ "a" "b" ] (two [ "a" "b" (one null) ]
      "short"
    ) "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")
  ];
}
