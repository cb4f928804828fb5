{
  # Single line
  a = 1;
  # First line
  # second line
  # another comment
  b = 2;
  #
  c = 3;
}
