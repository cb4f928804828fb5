{
  specialArgs = { inherit unstable; };
  x = 1;
}
