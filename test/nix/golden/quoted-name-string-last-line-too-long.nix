{
  environment.etc."app.conf".text =
    ''
      listen 8080
      include /etc/app/conf.d/include /etc/app/conf.d/include /etc/app/conf.d/include /etc/app/conf.d/*.conf'';
  environment.etc."short.conf".text = ''
    listen 8080
    workers 4'';
  services.app.extraConfig = ''
    listen 8080
    include /etc/app/conf.d/include /etc/app/conf.d/include /etc/app/conf.d/include /etc/app/conf.d/*.conf'';
}
