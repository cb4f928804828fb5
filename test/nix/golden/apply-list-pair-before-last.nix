{
  a =
    f y [ i0 i1 i2 ] [ j0 j1 j2 ]
      "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz";
  b = f {
    x = 1;
    y = 2;
  } [ i0 i1 ] [ j0 j1 ] "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq";
}
