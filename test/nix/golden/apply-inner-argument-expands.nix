{
  merged = recursiveUpdate {
    a = 1;
    b = 2;
  } overrides;
}
