{
  text =
    c.e or ''
      first

      last
    '';
  chained =
    c.a or config.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
      or { };
}
