{
  phpOptions = {
    upload_max_filesize = "512M";
    post_max_size = "512M";
  }
  // cfg.phpOptions;
}
