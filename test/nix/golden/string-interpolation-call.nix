{
  port = "${toString config.services.grafana.port}";
  url = "http://localhost:${toString 3000}/";
}
