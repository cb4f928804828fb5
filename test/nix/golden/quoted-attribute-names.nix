{
  "server min protocol" = "SMB3";
  "if" = 1;
  "or" = 2;
  "" = 3;
  "\${x}" = 4;
  "a.b" = 5;
  with-dash_and'quote = 6;
  "1password" = 7;
  "say \"hi\"" = 8;
}
