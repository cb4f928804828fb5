{
  getName = x: x.name;
  add = a: b: a + b;
}
