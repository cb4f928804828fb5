{
  w = "${
    c.n or "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh"
  }tail";
  ${
    c.e or "uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"
  } =
    x;
  call = "prefix prefix prefix prefix prefix prefix ${
    lib.optionalAttrs cond { a = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"; }
  } suffix";
}
