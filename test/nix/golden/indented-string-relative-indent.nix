{
  config = ''
    server {
      listen 80;
      location / {
        root /srv;
      }
    }
  '';
}
