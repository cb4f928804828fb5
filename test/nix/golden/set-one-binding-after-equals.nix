{
  outer = {
    inner = true;
  };
}
