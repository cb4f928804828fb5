{
  type =
    with types;
    attrsOf (oneOf [
      str
      int
      bool
    ]);
}
