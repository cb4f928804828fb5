{
  s =
    f "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    == [ x ] ++ g "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  t =
    (if x then x else cfg.a or [ ])
    != (59957 ++ 38008 + "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkk") ++ ../../secrets/x.yaml;
}
