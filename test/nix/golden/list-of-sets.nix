[
  { a = 1; }
  {
    publicKey = "abc123...";
    allowedIPs = [ "10.100.0.2/32" ];
  }
]
