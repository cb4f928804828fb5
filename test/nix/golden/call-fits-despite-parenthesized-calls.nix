{
  a.b = one (lib.two (lib.two false (-4)) (-1));
  c = two 0 (three null (lib.two null (three [ "a" "b" ] 0 (one true))) 3);
}
