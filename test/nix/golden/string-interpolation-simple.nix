{
  bin = "${pkgs.curl}/bin/curl";
  long = "a-rather-long-attribute-value-that-takes-up-room a-rather-long-attribute-value-that-takes-up-room ${config.services.nextcloud.package}/share/nextcloud/and/more/path/segments";
}
