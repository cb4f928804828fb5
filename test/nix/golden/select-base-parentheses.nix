[
  (1).x
  (./foo.nix).x
  (a.b or c).d
  "s".x
]
