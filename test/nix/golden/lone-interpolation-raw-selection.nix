{
  xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx = lib.mkIf config.services.x.enable "${pkgs.hello
  }";
}
