{
  mkHost =
    { name, ip }:
    {
      hostname = name;
      address = ip;
    };
  short = { a, b }: [ a ];
}
