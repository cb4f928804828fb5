{
  shared = " a\n b";
  alone = "\n　";
  notShared = ''
     a
    b'';
}
