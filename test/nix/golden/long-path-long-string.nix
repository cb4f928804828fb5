{
  services.nginx.virtualHosts.grafana.serverName =
    "grafana.internal.lab.example.org.and-a-long-suffix-to-overflow.example";
  services.nginx.virtualHosts.serverName = "grafana.internal.lab.example.org.and-a-long-suffix-to-overflow.example";
}
