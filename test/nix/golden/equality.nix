{
  isGateway = config.networking.hostName == "gateway";
  differs = a != null;
}
