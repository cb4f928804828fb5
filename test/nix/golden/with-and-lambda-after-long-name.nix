{
  u.wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww.services.serviceConfig =
    x: { a = c; };
  u.vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv.services.packages =
    with pkgs; [
      a
      b
    ];
  short = with pkgs; [
    a
    b
  ];
}
