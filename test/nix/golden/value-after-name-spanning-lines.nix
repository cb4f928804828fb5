{
  "pre-${''
    line one
    line two
  ''}" =
    x;
  a.${[
    p
    x
  ]} =
    f x;
  services.${
    c.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk or "default"
  } =
    {
      a = 1;
      b = 2;
    };
}
