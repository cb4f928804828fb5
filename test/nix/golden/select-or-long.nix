{
  package =
    config.services.nextcloud.packageOverrideForThisHost
      or pkgs.nextcloud29-with-all-the-apps-enabled-and-the-theme;
}
