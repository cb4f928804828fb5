{
  "server min protocol" =
    "SMB3_11 with a comment long enough to push the whole binding past the hundred columns";
  "short quoted" = "stays";
  settings."\${weird}".x = "fits on the line";
}
