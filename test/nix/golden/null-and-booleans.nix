{
  a = null;
  b = true;
  c = false;
}
