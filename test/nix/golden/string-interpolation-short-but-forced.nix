{
  a = "pre ${
    l [
      x
      y
    ]
  } post";
}
