{
  enable = true;
  port = 8080;
  ratio = 0.25;
  tags = [
    "a"
    "b"
  ];
  nested = {
    deep = {
      deeper = null;
    };
  };
  "key with spaces" = "value";
}
