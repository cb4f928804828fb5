with lib;
{
  a = 1;
  b = 2;
}
