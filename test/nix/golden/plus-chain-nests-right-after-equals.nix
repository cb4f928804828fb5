{
  last =
    x
    + n
    + [
      a
      b
    ];
  lastOfTwo = x + [
    a
    b
  ];
  first = {
    a = 1;
    b = 2;
  }
  + n
  + x;
}
