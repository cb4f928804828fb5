{
  address =
    if config.networking.hostName == "gateway" then
      "10.0.20.1-the-gateway-address-is-long"
    else
      "10.0.20.100-and-so-is-this-one";
}
