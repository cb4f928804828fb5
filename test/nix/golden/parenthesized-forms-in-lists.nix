[
  (with pkgs; [
    git
    vim
  ])
  (
    let
      x = 1;
    in
    x
  )
  (if c then 1 else 2)
  (x: {
    a = x;
    b = 2;
  })
]
