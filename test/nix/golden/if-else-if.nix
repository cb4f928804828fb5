{
  size =
    if x == 1 then
      "small"
    else if x == 2 then
      "medium"
    else
      "large";
}
