{
  "a.b" =
    lib.mkForce "a string long enough to push the whole of the binding past the hundred columns";
  "c d" =
    pkgs.writeText "x" ./dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd;
  bare = pkgs.writeText "x" ./dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd;
  "e f" = lib.mkForce {
    a = "a string long enough to push the whole of the binding past the hundred columns";
  };
}
